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
/// from it after each change, so a write is searchable as soon as its request returns. Nothing is
/// opened until first used: start-up only asks <see cref="NeedsRebuild"/> (a read of the commit
/// point) and opens and warms the index in the background (<see cref="WarmInBackground"/>).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly System.Threading.Lock _gate = new();
    private readonly string _path;
    private Directory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private bool _disposed;
    private Task? _warming;

    public KnowledgeIndex(DatabaseSettings settings) : this(Path.Combine(settings.DataDirectory, "index", "knowledge")) { }

    public KnowledgeIndex(string path) => _path = path;

    public string Location => _path;

    private void Open()
    {
        if (_writer is not null) return;
        lock (_gate)
        {
            if (_writer is not null) return;
            ObjectDisposedException.ThrowIf(_disposed, this);
            System.IO.Directory.CreateDirectory(_path);
            _directory = FSDirectory.Open(_path);
            var config = new IndexWriterConfig(KnowledgeAnalyzers.Version, KnowledgeAnalyzers.PerField())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                // A ceiling, not an allocation: a rebuild flushes few, large segments; a single write uses little.
                RAMBufferSizeMB = 256,
                // A merged segment's facet ordinals are built by the merge thread, not by the next search.
                MergedSegmentWarmer = new FacetWarmer(),
            };
            _writer = new IndexWriter(_directory, config);
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: new WarmingSearcherFactory());
        }
    }

    /// <summary>
    /// The shape of the index's documents, written into the commit point by every rebuild. An index
    /// rebuilt under another shape (or before this was recorded) lacks fields the search relies on
    /// (2: the Chinese bigram field), so start-up rebuilds it (<see cref="NeedsRebuild"/>).
    /// </summary>
    public const string Schema = "2";

    private const string SchemaKey = "schema";

    /// <summary>
    /// Whether the index on disk holds documents, read from its last commit point without opening a
    /// writer or a searcher (cheap at start-up whatever the size of the index).
    /// </summary>
    public bool HasDocuments() => ReadCommit() is { Documents: true };

    /// <summary>
    /// Whether start-up must build the index from the database: it is empty, or its last rebuild wrote
    /// another document shape (<see cref="Schema"/>). Reads only the commit point.
    /// </summary>
    public bool NeedsRebuild() => ReadCommit() is not { Documents: true, Schema: Schema };

    private (bool Documents, string? Schema)? ReadCommit()
    {
        if (_writer is not null)
        {
            _writer.CommitData.TryGetValue(SchemaKey, out var current);
            return (Count > 0, current);
        }
        if (!System.IO.Directory.Exists(_path)) return null;
        using var directory = FSDirectory.Open(_path);
        if (!DirectoryReader.IndexExists(directory)) return null;
        var infos = new SegmentInfos();
        infos.Read(directory);
        infos.UserData.TryGetValue(SchemaKey, out var schema);
        return (infos.Segments.Any(s => s.Info.DocCount - s.DelCount > 0), schema);
    }

    /// <summary>
    /// Opens the index and warms it (term dictionaries, doc values, facet ordinals) on a background
    /// thread, so the first search is fast and start-up does not wait for it.
    /// </summary>
    public Task WarmInBackground(Action<IndexSearcher>? warm = null)
    {
        lock (_gate)
        {
            return _warming ??= Task.Run(() =>
            {
                try
                {
                    var searcher = Acquire();
                    try { warm?.Invoke(searcher); }
                    finally { Release(searcher); }
                }
                // Best effort: the index disposed meanwhile, or held by another process (a CLI command run
                // while the server holds it); the first search opens it or reports the problem itself.
                catch (ObjectDisposedException) { }
                catch (IOException) { }
            });
        }
    }

    /// <summary>
    /// Adds <paramref name="items"/> with one analysing thread per core: the writer is thread-safe and
    /// each thread fills its own in-memory segment, so analysis (SmartCn above all) runs in parallel.
    /// Nothing is committed or refreshed: the caller commits once at the end.
    /// </summary>
    public void AddAll(IEnumerable<IndexItem> items, int? threads = null)
    {
        Open();
        var writer = _writer!;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.ForEach(items, options, () => new KnowledgeDocumentBuilder(), (item, _, builder) =>
            {
                writer.AddDocument(builder.Build(item));
                return builder;
            }, _ => { });
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

    /// <summary>
    /// Empties the index; the caller adds everything back then calls <see cref="Commit"/>, which records
    /// the current <see cref="Schema"/> (later commits keep it).
    /// </summary>
    public void Clear()
    {
        Open();
        _writer!.DeleteAll();
        _writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = Schema });
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
        Task? warming;
        lock (_gate) { _disposed = true; warming = _warming; }
        try { warming?.Wait(TimeSpan.FromSeconds(30)); } catch (AggregateException) { }
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _writer = null;
        }
    }
}

internal sealed class FacetWarmer : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader) => FacetOrdinals.For(reader, KnowledgeFields.Faceted);
}

/// <summary>Each searcher is handed out with its segments' facet ordinals built (a no-op for segments already seen).</summary>
internal sealed class WarmingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) FacetOrdinals.For(leaf.AtomicReader, KnowledgeFields.Faceted);
        return base.NewSearcher(reader);
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

    /// <summary>Binary doc value holding what a result line shows (<see cref="HitRecord"/>).</summary>
    public const string Hit = "hit_dv";

    /// <summary>Doc-values twin of a keyword field, counted for facets.</summary>
    public static string Facet(string field) => field + "_dv";

    public static readonly IReadOnlyList<string> Faceted = [Type, State, Term, Language, Year];
}
