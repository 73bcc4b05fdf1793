using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// A query that names taxonomy terms ("Interference", "accès illicite") matches every provision tagged
/// with them — a large share of a large index — besides the few whose text matches. Scoring
/// and counting facets over all of them set the search's 95th percentile. But the tagged provisions
/// are the same for every query naming the same terms (with the same filters), and their scores
/// depend only on which of the terms they carry: a term field is a keyword without norms or
/// frequencies, so its clause scores the same on every document. So, per segment:
///
/// - the documents tagged with the terms (and passing the filters) are read once into a bit set, with
///   their facet counts and, per signature (the subset of the terms a document carries), their list in
///   document order — cached by the segment's core and deletions, so a commit only builds the new
///   segments, and a deletion rebuilds the segment it touched;
/// - a search then scores only the documents its text matches and, from each signature's list, the
///   first N documents its text does not match (equal scores rank by document order, as a full pass
///   ranks them); total and facets are the cached ones plus the text matches outside the bit set.
///
/// The result is the one scoring every hit gives (same hits, order, scores, total and facet counts;
/// a test compares both on the same index). A signature of three terms or more is scored whole: its
/// clauses' scores may be summed in another order from one document to the next, and so differ in the
/// last bit.
/// </summary>
internal static class TermExpansion
{
    private const int MaxEntriesPerSegment = 64;

    private sealed record Entry(FixedBitSet Docs, int Count, int[][] Facets, (ulong Signature, int[] Docs)[] Groups);

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Entry>> Cache = [];

    public static (int Total, List<ScoreDoc> Top, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets) Collect(
        IndexSearcher searcher, Query query, Query? textQuery, IReadOnlyList<string> terms, IReadOnlyList<Query> filters, int n)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        Weight? textWeight = null;
        if (textQuery is not null)
        {
            var textAndFilters = new BooleanQuery { { textQuery, Occur.MUST } };
            foreach (var f in filters) textAndFilters.Add(f, Occur.MUST);
            textWeight = searcher.CreateNormalizedWeight(textAndFilters);
        }
        // Only needed to build an entry the cache lacks.
        Weight? filterWeight = null;
        Weight? FilterWeight()
        {
            if (filters.Count == 0 || filterWeight is not null) return filterWeight;
            var all = new BooleanQuery();
            foreach (var f in filters) all.Add(f, Occur.MUST);
            return filterWeight = searcher.CreateNormalizedWeight(all);
        }
        var key = string.Join(",", terms.Order(StringComparer.Ordinal)) + "|" + string.Join("|", filters.Select(f => f.ToString()));

        var top = new List<ScoreDoc>();
        var total = 0;
        var collectors = new List<FacetCollector>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var live = reader.LiveDocs;
            var entries = Cache.GetValue(reader.CombinedCoreAndDeletesKey, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
            if (!entries.TryGetValue(key, out var entry))
            {
                if (entries.Count >= MaxEntriesPerSegment) entries.Clear();
                entry = entries[key] = Build(reader, terms, FilterWeight()?.GetScorer(leaf, live));
            }

            // The text's matches (filters applied), in document order.
            var text = new List<int>();
            if (textWeight?.GetScorer(leaf, live) is { } textScorer)
                for (var d = textScorer.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = textScorer.NextDoc()) text.Add(d);

            var facets = new FacetCollector(KnowledgeFields.Faceted);
            facets.SetNextReader(leaf);
            facets.Add(entry.Facets);
            var count = entry.Count;
            foreach (var d in text)
            {
                if (entry.Docs.Get(d)) continue;
                count++;
                facets.Collect(d);
            }
            total += count;
            collectors.Add(facets);

            // Candidates: every text match, and each signature's first n documents the text does not match.
            var candidates = new List<int>(text);
            var textSet = text.Count == 0 ? null : new HashSet<int>(text);
            foreach (var (signature, docs) in entry.Groups)
            {
                var whole = BitOperations.PopCount(signature) >= 3;
                var taken = 0;
                foreach (var d in docs)
                {
                    if (textSet?.Contains(d) == true) continue;
                    candidates.Add(d);
                    if (!whole && ++taken == n) break;
                }
            }
            candidates.Sort();

            var scorer = weight.GetScorer(leaf, live);
            if (scorer is null) continue;
            var segmentTop = new List<ScoreDoc>(candidates.Count);
            var previous = -1;
            foreach (var d in candidates)
            {
                if (d == previous) continue;
                previous = d;
                var at = scorer.DocID < d ? scorer.Advance(d) : scorer.DocID;
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                if (at == d) segmentTop.Add(new ScoreDoc(leaf.DocBase + d, scorer.GetScore()));
            }
            top.AddRange(segmentTop.OrderByDescending(s => s.Score).ThenBy(s => s.Doc).Take(n));
        }
        return (total, [.. top.OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(n)], FacetCollector.Merge(collectors));
    }

    /// <summary>The segment's documents tagged with any of the terms and passing the filters: bit set, count, facet counts, signature
    /// lists.</summary>
    private static Entry Build(AtomicReader reader, IReadOnlyList<string> terms, Scorer? filter)
    {
        var maxDoc = reader.MaxDoc;
        var perTerm = new FixedBitSet[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            perTerm[i] = new FixedBitSet(maxDoc);
            var docs = reader.GetTermDocsEnum(new Term(KnowledgeFields.Term, terms[i]));
            if (docs is null) continue;
            for (var d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc()) perTerm[i].Set(d);
        }
        var union = new FixedBitSet(maxDoc);
        foreach (var bits in perTerm) union.Or(bits);
        if (filter is not null)
        {
            var passing = new FixedBitSet(maxDoc);
            for (var d = filter.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = filter.NextDoc()) passing.Set(d);
            union.And(passing);
        }

        var segment = FacetOrdinals.For(reader, KnowledgeFields.Faceted);
        var facets = segment.Fields.Select(f => new int[f.Values.Length]).ToArray();
        var groups = new Dictionary<ulong, List<int>>();
        var count = 0;
        var it = union.GetIterator();
        for (var d = it.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.NextDoc())
        {
            count++;
            FacetOrdinals.Count(segment, d, facets);
            ulong signature = 0;
            for (var i = 0; i < perTerm.Length && i < 64; i++)
                if (perTerm[i].Get(d)) signature |= 1UL << i;
            if (!groups.TryGetValue(signature, out var list)) groups[signature] = list = [];
            list.Add(d);
        }
        return new Entry(union, count, facets, [.. groups.Select(g => (g.Key, g.Value.ToArray()))]);
    }
}
