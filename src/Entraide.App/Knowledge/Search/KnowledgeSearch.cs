using Entraide.Domain.Common;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// Searches the knowledge index. The words are analysed once per language and looked for in that
/// language's field; the query is also matched against the taxonomy's labels and keywords in all six
/// languages, and the terms it names are added, so "accès illicite" finds a Chinese provision tagged
/// illegal-access. Facets are counted from doc values over every hit (there is no facet module for
/// Lucene.Net 4.8 here; see docs/decisions/knowledge-search.md). The parts have their own files: the
/// query (<see cref="SearchQuery"/>), the taxonomy terms it names (<see cref="QueryExpansion"/>), the
/// facets (<see cref="FacetCollector"/>), the snippets (<see cref="Snippets"/>) and the result lines
/// (<see cref="SearchResults"/>).
/// </summary>
public sealed class KnowledgeSearch(KnowledgeIndex index)
{
    public const int MaxPageSize = 100;

    /// <summary>Scores every hit even when the query names taxonomy terms (<see cref="TermExpansion"/>): the reference the tests compare
    /// with.</summary>
    internal bool ScoreEveryHit { get; init; }

    public SearchResult Search(SearchRequest request)
    {
        var (page, pageSize) = Paging.Clamp(request.Page, request.PageSize, 20, MaxPageSize);
        var text = request.Query?.Trim() ?? "";
        if (text.Length > 500) throw new DomainException(FailureKind.Invalid, TextRules.TooLong("q", 500));

        var (textQuery, tokensByLanguage, marks) = SearchQuery.TextQuery(text);
        var expanded = QueryExpansion.Expand(tokensByLanguage);
        var filters = new List<Query>();
        SearchQuery.Filter(filters, KnowledgeFields.State, request.State?.ToUpperInvariant());
        SearchQuery.Filter(filters, KnowledgeFields.Term, request.Term);
        SearchQuery.Filter(filters, KnowledgeFields.Type, request.Type);
        SearchQuery.Filter(filters, KnowledgeFields.Language, request.InLanguage);
        if (request.From is not null || request.To is not null)
            filters.Add(TermRangeQuery.NewStringRange(KnowledgeFields.Date, request.From?.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture),
                request.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true, true));

        var query = new BooleanQuery();
        if (text.Length == 0) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        else
        {
            var either = new BooleanQuery();
            if (textQuery is not null) either.Add(textQuery, Occur.SHOULD);
            foreach (var t in expanded) either.Add(new TermQuery(new Term(KnowledgeFields.Term, t)) { Boost = 2f }, Occur.SHOULD);
            if (either.Clauses.Count == 0) return SearchResults.Empty(request, page, pageSize, expanded);
            query.Add(either, Occur.MUST);
        }
        foreach (var f in filters) query.Add(f, Occur.MUST);

        var searcher = index.Acquire();
        try
        {
            // No more hits than documents are ever collected, however far the page asked for lies.
            var n = (int)Math.Min((long)page * pageSize, Math.Max(1, searcher.IndexReader.MaxDoc));
            var (total, top, facets) = !ScoreEveryHit && text.Length > 0 && expanded.Count > 0
                ? TermExpansion.Collect(searcher, query, textQuery, expanded, filters, n)
                : Collect(searcher, query, n);
            var hits = top.Skip(Paging.Skip(page, pageSize)).Take(pageSize).Select(sd => SearchResults.Hit(searcher, sd, textQuery, marks)).ToList();
            return new SearchResult(text, total, page, pageSize, hits, facets, expanded);
        }
        finally
        {
            index.Release(searcher);
        }
    }

    /// <summary>
    /// Prepares a freshly opened searcher: builds each segment's facet ordinals and loads the analyzers
    /// and the taxonomy's tokens, so the first search pays for none of it.
    /// </summary>
    public static void Warm(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves) FacetOrdinals.For(leaf.AtomicReader, KnowledgeFields.Faceted);
        QueryExpansion.Warm();
    }

    /// <summary>
    /// Scores and counts facets segment by segment and merges. A query that may match many documents
    /// (<see cref="ParallelThreshold"/>) has its segments shared among the cores (it then uses both
    /// cores of a small server); a smaller one is scored on the calling thread. Merged: top <paramref name="n"/> by score (ties by
    /// document order, as a single pass would give), total, and facet counts. The weight is made once
    /// from the whole index, so scores are those of a single search.
    /// </summary>
    private static (int Total, List<ScoreDoc> Top, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets) Collect(IndexSearcher searcher,
        Query query, int n)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var tops = new TopScoreDocCollector[leaves.Count];
        var facets = new FacetCollector[leaves.Count];
        void Leaf(int i)
        {
            var leaf = leaves[i];
            tops[i] = TopScoreDocCollector.Create(n, true);
            facets[i] = new FacetCollector(KnowledgeFields.Faceted);
            var collector = MultiCollector.Wrap(tops[i], facets[i]);
            collector.SetNextReader(leaf);
            var scorer = weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs);
            scorer?.Score(collector);
        }
        if (leaves.Count > 1 && Environment.ProcessorCount > 1 && Estimate(searcher.IndexReader, query) >= ParallelThreshold)
            Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Leaf);
        else
            for (var i = 0; i < leaves.Count; i++) Leaf(i);

        var total = tops.Sum(t => t.TotalHits);
        var top = tops.SelectMany(t => t.GetTopDocs().ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(n).ToList();
        return (total, top, FacetCollector.Merge(facets));
    }

    /// <summary>
    /// From this many documents (an upper bound of the hits, <see cref="Estimate"/>) a query's segments
    /// are scored on all cores; below it, on the calling thread: handing a small query's segments to the
    /// thread pool cost more than it saved, the more so on a loaded machine (figures in docs/perf/knowledge.md).
    /// </summary>
    private const int ParallelThreshold = 50_000;

    /// <summary>
    /// An upper bound of the documents <paramref name="query"/> matches, from its terms' document
    /// frequencies: a term's frequency, the smallest of a conjunction's required parts, the sum of a
    /// disjunction's; the whole index for anything else (an empty query, a date range alone).
    /// </summary>
    private static long Estimate(IndexReader reader, Query query) => query switch
    {
        TermQuery t => reader.DocFreq(t.Term),
        BooleanQuery b when b.Clauses.Any(c => c.IsRequired) => b.Clauses.Where(c => c.IsRequired).Min(c => Estimate(reader, c.Query)),
        BooleanQuery b => b.Clauses.Where(c => !c.IsProhibited).Sum(c => Estimate(reader, c.Query)),
        _ => reader.MaxDoc,
    };


    /// <summary>
    /// The query's text part, for the bench's recall measurement and tests: the documents it matches are
    /// those the search finds by their text (taxonomy expansion and filters aside).
    /// </summary>
    public static Query? TextMatchQuery(string text) => SearchQuery.TextMatchQuery(text);

    /// <inheritdoc cref="SearchQuery.LanguagesWritten"/>
    public static IReadOnlyList<string> LanguagesWritten(string text) => SearchQuery.LanguagesWritten(text);
}
