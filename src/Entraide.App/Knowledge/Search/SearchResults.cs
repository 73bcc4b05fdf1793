using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

public sealed record SearchRequest(string? Query, string Language, string? State = null, string? Term = null, string? Type = null,
    string? InLanguage = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 20);

/// <param name="Snippet">HTML: the matched passage with the words found in <c>&lt;mark&gt;</c>; everything else is encoded.</param>
public sealed record SearchHit(string Key, string Type, string? State, string Language, DateOnly Date, string Title, string? Number,
    string Snippet, IReadOnlyList<string> Terms, Guid? Law, bool Example, float Score);

public sealed record FacetValue(string Value, int Count);

/// <param name="ExpandedTerms">Taxonomy terms the query was recognised as, in any language: how a query in one language finds provisions in
/// all.</param>
public sealed record SearchResult(string? Query, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, IReadOnlyList<string> ExpandedTerms);

/// <summary>What a result line shows of a hit: read from its doc value (or, for an older index, its stored fields), with its snippet.</summary>
internal static class SearchResults
{
    public static SearchHit Hit(IndexSearcher searcher, ScoreDoc sd, Query? textQuery, Dictionary<string, List<string>> marks)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(sd.Doc, leaves)];
        HitRecord.Data? h = null;
        if (leaf.AtomicReader.GetBinaryDocValues(KnowledgeFields.Hit) is { } values)
        {
            var bytes = new BytesRef();
            values.Get(sd.Doc - leaf.DocBase, bytes);
            h = HitRecord.Decode(bytes.Bytes, bytes.Offset, bytes.Length);
        }
        h ??= FromStoredFields(searcher.Doc(sd.Doc));
        var snippet = textQuery is null ? null
            : Snippets.ForHit(h.Language, marks.GetValueOrDefault(h.Language), h.Body);
        return new SearchHit(h.Key, h.Type, h.State, h.Language, h.Date, h.Title, h.Number, snippet ?? Snippets.Beginning(h.Body), h.Terms, h.Law,
            h.Example, sd.Score);
    }

    private static HitRecord.Data FromStoredFields(Lucene.Net.Documents.Document d) =>
        new(d.Get(KnowledgeFields.Key), d.Get(KnowledgeFields.Type), d.Get(KnowledgeFields.State), d.Get(KnowledgeFields.Language),
            DateOnly.ParseExact(d.Get(KnowledgeFields.Date), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.Get(KnowledgeFields.Title) ?? "", d.Get(KnowledgeFields.Number), d.Get(KnowledgeFields.Body) ?? "", d.GetValues(KnowledgeFields.Term),
            Guid.TryParse(d.Get(KnowledgeFields.Law), out var law) ? law : null, d.Get(KnowledgeFields.Example) == "1");

    public static SearchResult Empty(SearchRequest r, int page, int pageSize, IReadOnlyList<string> expanded) =>
        new(r.Query, 0, page, pageSize, [], KnowledgeFields.Faceted.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)[]), expanded);
}
