using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// Counts, over every matching document, the values of the faceted keyword fields, from per-segment
/// ordinal arrays (<see cref="FacetOrdinals"/>) built once per segment from its sorted-set doc values.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string,
        int>(StringComparer.Ordinal));
    private FacetOrdinals.Segment? _segment;
    private int[][] _segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = FacetOrdinals.For(context.AtomicReader, fields);
        _segmentCounts = [.. _segment.Fields.Select(f => new int[f.Values.Length])];
    }

    public void Collect(int doc) => FacetOrdinals.Count(_segment!, doc, _segmentCounts);

    /// <summary>Adds counts already made for the current segment (per field, per ordinal, in the segment's field order).</summary>
    public void Add(int[][] counts)
    {
        for (var f = 0; f < counts.Length; f++)
        {
            var target = _segmentCounts[f];
            var source = counts[f];
            for (var o = 0; o < source.Length; o++) target[o] += source[o];
        }
    }

    private void Flush()
    {
        if (_segment is null) return;
        for (var f = 0; f < _segment.Fields.Length; f++)
        {
            var field = _segment.Fields[f];
            var target = _counts[field.Name];
            var counts = _segmentCounts[f];
            for (var ord = 0; ord < counts.Length; ord++)
                if (counts[ord] > 0) target[field.Values[ord]] = target.GetValueOrDefault(field.Values[ord]) + counts[ord];
        }
        _segment = null;
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Merge(IReadOnlyList<FacetCollector> collectors)
    {
        var counts = (collectors.Count > 0 ? collectors[0] : new FacetCollector(KnowledgeFields.Faceted)).Counts();
        for (var i = 1; i < collectors.Count; i++)
            foreach (var (field, values) in collectors[i].Counts())
            {
                var target = counts[field];
                foreach (var (value, count) in values) target[value] = target.GetValueOrDefault(value) + count;
            }
        return counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FacetValue>)[.. kv.Value
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => new FacetValue(v.Key, v.Value))]);
    }

    private Dictionary<string, Dictionary<string, int>> Counts()
    {
        Flush();
        return _counts;
    }
}
