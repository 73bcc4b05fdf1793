using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// The faceted fields' values of one index segment as plain arrays: for each document the ordinal of
/// its value (or the range of its ordinals when it has several), and the values themselves, decoded
/// once. Counting a hit is then an array read per field instead of a doc-values iterator call. Built
/// on a segment's first search and kept as long as the segment's core lives (a refresh after a write
/// only builds the new, small segments); about 4 bytes per document and field.
/// </summary>
public static class FacetOrdinals
{
    public sealed record Field(string Name, string[] Values, int[]? Single, int[]? Start, int[]? Ords);

    public sealed record Segment(Field[] Fields);

    private static readonly ConditionalWeakTable<object, Segment> Cache = [];

    public static Segment For(AtomicReader reader, IReadOnlyList<string> fields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => Build(reader, fields));

    private static Segment Build(AtomicReader reader, IReadOnlyList<string> fields)
    {
        var list = new List<Field>(fields.Count);
        var maxDoc = reader.MaxDoc;
        foreach (var name in fields)
        {
            var dv = reader.GetSortedSetDocValues(KnowledgeFields.Facet(name));
            if (dv is null) continue;
            var values = new string[dv.ValueCount];
            var scratch = new BytesRef();
            for (var o = 0; o < values.Length; o++)
            {
                dv.LookupOrd(o, scratch);
                values[o] = scratch.Utf8ToString();
            }
            var single = new int[maxDoc];
            var multi = false;
            for (var d = 0; d < maxDoc; d++)
            {
                dv.SetDocument(d);
                var ord = dv.NextOrd();
                single[d] = ord == SortedSetDocValues.NO_MORE_ORDS ? -1 : (int)ord;
                if (ord != SortedSetDocValues.NO_MORE_ORDS && dv.NextOrd() != SortedSetDocValues.NO_MORE_ORDS) { multi = true; break; }
            }
            if (!multi)
            {
                list.Add(new Field(name, values, single, null, null));
                continue;
            }
            var start = new int[maxDoc + 1];
            var ords = new List<int>(maxDoc);
            for (var d = 0; d < maxDoc; d++)
            {
                start[d] = ords.Count;
                dv.SetDocument(d);
                long ord;
                while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
            }
            start[maxDoc] = ords.Count;
            list.Add(new Field(name, values, null, start, [.. ords]));
        }
        return new Segment([.. list]);
    }
}
