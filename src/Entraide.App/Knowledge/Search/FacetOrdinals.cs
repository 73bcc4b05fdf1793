using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// The faceted fields' values of one index segment as plain arrays, built on a segment's first search
/// and kept as long as the segment's core lives (a refresh after a write only builds the new, small
/// segments). A document's ordinals of all the fields are packed into one 32-bit word when they fit
/// (each field gets the bits its number of values needs: 0 for no value, the ordinal + 1, or an
/// all-ones code for a document with several values, whose ordinals are then looked up in
/// <see cref="Segment.Multi"/>); otherwise they sit side by side in one row of <see cref="Segment.Rows"/>.
/// Counting a hit then reads one word of an array small enough to stay in the processor's cache,
/// where an array per field cost a cache miss per field and hit, which on a large index was most of the
/// time of a query matching a few thousand documents (docs/perf/knowledge.md).
/// </summary>
public static class FacetOrdinals
{
    /// <param name="Column">The field's place in a row.</param>
    /// <param name="Shift">Where the field's code starts in a packed word.</param>
    /// <param name="Mask">The field's code bits, shifted down; the all-ones code means several values.</param>
    public sealed record Field(string Name, string[] Values, int Column, int Shift, uint Mask);

    /// <param name="Packed">One word per document when every field's code fits in 32 bits, else null.</param>
    /// <param name="Rows">Otherwise, one row of <c>Stride</c> ordinals per document (-1: no value; -2 - i: several, at <c>Overflow[i]</c>).</param>
    /// <param name="Overflow">For a document with several values: their count, then the ordinals.</param>
    /// <param name="Multi">For packed words: where in <paramref name="Overflow"/> the values of (document × stride + field) are.</param>
    public sealed record Segment(Field[] Fields, int Stride, uint[]? Packed, int[]? Rows, int[] Overflow, Dictionary<long, int> Multi);

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
        var list = new List<Field>(stride);
        var scratch = new BytesRef();
        var shift = 0;
        foreach (var (name, dv) in present)
        {
            var values = new string[dv.ValueCount];
            for (var o = 0; o < values.Length; o++)
            {
                dv.LookupOrd(o, scratch);
                values[o] = scratch.Utf8ToString();
            }
            // Codes: 0 none, 1 … n the ordinal + 1, n + 1 several values.
            var bits = 64 - BitOperations.LeadingZeroCount((ulong)values.Length + 1);
            list.Add(new Field(name, values, list.Count, shift, bits >= 32 ? uint.MaxValue : (1u << bits) - 1));
            shift += bits;
        }
        var packed = shift <= 32 ? new uint[maxDoc] : null;
        var rows = packed is null ? new int[(long)maxDoc * stride] : null;
        var overflow = new List<int>();
        var multi = new Dictionary<long, int>();
        var ords = new List<int>();
        for (var f = 0; f < stride; f++)
        {
            var dv = present[f].Values;
            var field = list[f];
            for (var d = 0; d < maxDoc; d++)
            {
                dv.SetDocument(d);
                ords.Clear();
                long ord;
                while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
                var at = -1;
                if (ords.Count > 1)
                {
                    at = overflow.Count;
                    overflow.Add(ords.Count);
                    overflow.AddRange(ords);
                }
                if (packed is not null)
                {
                    var code = ords.Count == 0 ? 0u : ords.Count == 1 ? (uint)ords[0] + 1 : field.Mask;
                    packed[d] |= code << field.Shift;
                    if (at >= 0) multi[(long)d * stride + f] = at;
                }
                else rows![(long)d * stride + f] = ords.Count == 0 ? -1 : ords.Count == 1 ? ords[0] : -2 - at;
            }
        }
        return new Segment([.. list], stride, packed, rows, [.. overflow], multi);
    }

    /// <summary>Adds document <paramref name="doc"/>'s values to <paramref name="counts"/> (per field, per ordinal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Count(Segment segment, int doc, int[][] counts)
    {
        if (segment.Packed is { } packed)
        {
            var word = packed[doc];
            var fields = segment.Fields;
            for (var f = 0; f < counts.Length; f++)
            {
                var field = fields[f];
                var code = (word >> field.Shift) & field.Mask;
                if (code == 0) continue;
                if (code != field.Mask) counts[f][code - 1]++;
                else AddSeveral(segment.Overflow, segment.Multi[(long)doc * segment.Stride + f], counts[f]);
            }
            return;
        }
        var rows = segment.Rows!;
        var row = (long)doc * segment.Stride;
        for (var f = 0; f < counts.Length; f++)
        {
            var v = rows[row + f];
            if (v >= 0) counts[f][v]++;
            else if (v < -1) AddSeveral(segment.Overflow, -2 - v, counts[f]);
        }
    }

    private static void AddSeveral(int[] overflow, int at, int[] counts)
    {
        for (int i = at + 1, end = at + 1 + overflow[at]; i < end; i++) counts[overflow[i]]++;
    }
}
