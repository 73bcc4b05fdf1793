using System.Text;

namespace Entraide.Domain.Common;

/// <summary>
/// A minimal RFC 4180 reader for the reference data that ships inside the assemblies
/// (quoted fields, doubled quotes, commas and line breaks inside quotes).
/// </summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Read(TextReader reader)
    {
        var records = ReadRows(reader).ToList();
        if (records.Count == 0) return [];
        var header = records[0];
        var result = new List<Dictionary<string, string>>(records.Count - 1);
        foreach (var row in records.Skip(1))
        {
            if (row.Count == 1 && row[0].Length == 0) continue;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) d[header[i]] = i < row.Count ? row[i] : "";
            result.Add(d);
        }
        return result;
    }

    public static IEnumerable<List<string>> ReadRows(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        int c;
        var any = false;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else inQuotes = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    yield return row;
                    row = [];
                    any = false;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (any)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
