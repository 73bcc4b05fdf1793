using System.Text;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// What a result line shows of an indexed item, packed into one binary doc value per document. Reading
/// the 20 shown hits from doc values is a few memory reads each, where loading their stored fields
/// decompresses a 16 KB block per hit, the largest fixed cost of a search (docs/perf/knowledge.md). The
/// stored fields stay, for indexes written before this field existed.
/// </summary>
public static class HitRecord
{
    private const byte Version = 1;

    /// <summary>Beyond this a record is not written as a doc value (Lucene's limit for indexed byte values is 32,766).</summary>
    public const int MaxBytes = 32_000;

    public sealed record Data(string Key, string Type, string? State, string Language, DateOnly Date, string Title, string? Number,
        string Body, string[] Terms, Guid? Law, bool Example);

    public static byte[] Encode(IndexItem item)
    {
        using var stream = new MemoryStream(64 + item.Body.Length * 2);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(item.Key);
            w.Write(item.Type);
            w.Write(item.State ?? "");
            w.Write(item.Language);
            w.Write(item.Date.DayNumber);
            w.Write(item.Title);
            w.Write(item.Number is not null);
            w.Write(item.Number ?? "");
            w.Write(item.Body);
            var terms = item.Terms.Distinct(StringComparer.Ordinal).ToList();
            w.Write(terms.Count);
            foreach (var t in terms) w.Write(t);
            w.Write(item.Law is not null);
            if (item.Law is { } law) w.Write(law.ToByteArray());
            w.Write(item.Example);
        }
        return stream.ToArray();
    }

    /// <summary>Null when the bytes are not a record of this version (the caller reads the stored fields).</summary>
    public static Data? Decode(byte[] bytes, int offset, int length)
    {
        if (length == 0 || bytes[offset] != Version) return null;
        using var r = new BinaryReader(new MemoryStream(bytes, offset + 1, length - 1, writable: false), Encoding.UTF8);
        var key = r.ReadString();
        var type = r.ReadString();
        var state = r.ReadString();
        var language = r.ReadString();
        var date = DateOnly.FromDayNumber(r.ReadInt32());
        var title = r.ReadString();
        var hasNumber = r.ReadBoolean();
        var number = r.ReadString();
        var body = r.ReadString();
        var terms = new string[r.ReadInt32()];
        for (var i = 0; i < terms.Length; i++) terms[i] = r.ReadString();
        Guid? law = r.ReadBoolean() ? new Guid(r.ReadBytes(16)) : null;
        var example = r.ReadBoolean();
        return new Data(key, type, state.Length == 0 ? null : state, language, date, title, hasNumber ? number : null, body, terms, law, example);
    }
}
