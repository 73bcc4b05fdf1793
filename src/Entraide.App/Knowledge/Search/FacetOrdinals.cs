using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// The faceted fields' values of one index segment as plain arrays, built on a segment's first search
/// and kept as long as the segment's core lives (a refresh after a write only builds the new, small
/// segments). Each document's ordinals of all the fields sit side by side in one row of
/// <see cref="Segment.Rows"/> (a field's ordinal, -1 for no value, or for a document with several
/// values -2 - the position of its list in <see cref="Segment.Overflow"/>): counting a hit reads one
/// row, one cache line, where an array per field cost a cache miss per field — at 1 million documents
/// the arrays do not fit in the cache, and those misses were most of the facet counting. About 4 bytes
/// per document and field.
/// </summary>
public static class FacetOrdinals
{
    /// <param name="Column">The field's place in a row.</param>
    public sealed record Field(string Name, string[] Values, int Column);

    /// <param name="Overflow">For a document with several values: their count, then the ordinals.</param>
    public sealed record Segment(Field[] Fields, int Stride, int[] Rows, int[] Overflow);

    private static readonly ConditionalWeakTable<object, Segment> Cache = [];

    public static Segment For(AtomicReader reader, IReadOnlyList<string> fields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => Build(reader, fields));

    private static Segment Build(AtomicReader reader, IReadOnlyList<string> fields)
    {
        var present = new List<(string Name, SortedSetDocValues Values)>(fields.Count);
        foreach (var name in fields)
            if (reader.GetSortedSetDocValues(KnowledgeFields.Facet(name)) is { } dv) present.Add((name, dv));
        var maxDoc = reader.MaxDoc;
        var stride = present.Count;
        var rows = new int[(long)maxDoc * stride];
        var overflow = new List<int>();
        var list = new List<Field>(stride);
        var scratch = new BytesRef();
        var ords = new List<int>();
        for (var f = 0; f < stride; f++)
        {
            var (name, dv) = present[f];
            var values = new string[dv.ValueCount];
            for (var o = 0; o < values.Length; o++)
            {
                dv.LookupOrd(o, scratch);
                values[o] = scratch.Utf8ToString();
            }
            list.Add(new Field(name, values, f));
            for (var d = 0; d < maxDoc; d++)
            {
                dv.SetDocument(d);
                ords.Clear();
                long ord;
                while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
                if (ords.Count <= 1) rows[(long)d * stride + f] = ords.Count == 0 ? -1 : ords[0];
                else
                {
                    rows[(long)d * stride + f] = -2 - overflow.Count;
                    overflow.Add(ords.Count);
                    overflow.AddRange(ords);
                }
            }
        }
        return new Segment([.. list], stride, rows, [.. overflow]);
    }

    /// <summary>Adds document <paramref name="doc"/>'s values to <paramref name="counts"/> (per field, per ordinal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Count(Segment segment, int doc, int[][] counts)
    {
        var rows = segment.Rows;
        var at = doc * segment.Stride;
        for (var f = 0; f < counts.Length; f++)
        {
            var v = rows[at + f];
            if (v >= 0) counts[f][v]++;
            else if (v < -1)
            {
                var o = -2 - v;
                var overflow = segment.Overflow;
                for (int i = o + 1, end = o + 1 + overflow[o]; i < end; i++) counts[f][overflow[i]]++;
            }
        }
    }
}
