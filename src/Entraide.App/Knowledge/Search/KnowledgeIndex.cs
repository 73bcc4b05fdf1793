using Entraide.App.Infrastructure.Persistence;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// The Lucene index of the repository, under <c>{data}/index/knowledge</c>. It is a derived copy: the
/// database is the record, writes mirror themselves here after they commit, and
/// <c>entraide search reindex</c> rebuilds it whole. One writer per process; searchers are refreshed
/// from it after each change, so a write is searchable as soon as its request returns.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly System.Threading.Lock _gate = new();
    private readonly string _path;
    private Directory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    public KnowledgeIndex(DatabaseSettings settings) : this(Path.Combine(settings.DataDirectory, "index", "knowledge")) { }

    public KnowledgeIndex(string path) => _path = path;

    public string Location => _path;

    private void Open()
    {
        if (_writer is not null) return;
        lock (_gate)
        {
            if (_writer is not null) return;
            System.IO.Directory.CreateDirectory(_path);
            _directory = FSDirectory.Open(_path);
            var config = new IndexWriterConfig(KnowledgeAnalyzers.Version, KnowledgeAnalyzers.PerField())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
            };
            _writer = new IndexWriter(_directory, config);
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        }
    }

    public IndexWriter Writer { get { Open(); return _writer!; } }

    /// <summary>Replaces every document of a group (a law, a case, a document) by <paramref name="documents"/>.</summary>
    public void Replace(IEnumerable<(string Group, IEnumerable<Lucene.Net.Documents.Document> Documents)> groups)
    {
        Open();
        foreach (var (group, documents) in groups)
        {
            _writer!.DeleteDocuments(new Term(KnowledgeFields.Group, group));
            _writer.AddDocuments(documents);
        }
        _writer!.Commit();
        _searchers!.MaybeRefreshBlocking();
    }

    /// <summary>Empties the index; the caller adds everything back then calls <see cref="Commit"/>.</summary>
    public void Clear()
    {
        Open();
        _writer!.DeleteAll();
    }

    public void Commit()
    {
        Open();
        _writer!.Commit();
        _searchers!.MaybeRefreshBlocking();
    }

    public int Count
    {
        get
        {
            var s = Acquire();
            try { return s.IndexReader.NumDocs; }
            finally { Release(s); }
        }
    }

    public IndexSearcher Acquire()
    {
        Open();
        return _searchers!.Acquire();
    }

    public void Release(IndexSearcher searcher) => _searchers!.Release(searcher);

    public void Dispose()
    {
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _writer = null;
        }
    }
}

/// <summary>Field names of the knowledge index.</summary>
public static class KnowledgeFields
{
    public const string Key = "key";
    public const string Group = "group";
    public const string Type = "type";
    public const string State = "state";
    public const string Term = "term";
    public const string Language = "lang";
    public const string Date = "date";
    public const string Year = "year";
    public const string Title = "title";
    public const string Number = "number";
    public const string Body = "body";
    public const string Law = "law";
    public const string Example = "example";

    /// <summary>Doc-values twin of a keyword field, counted for facets.</summary>
    public static string Facet(string field) => field + "_dv";

    public static readonly IReadOnlyList<string> Faceted = [Type, State, Term, Language, Year];
}
