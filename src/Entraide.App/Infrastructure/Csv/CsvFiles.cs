using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Entraide.App.Infrastructure.Csv;

/// <summary>
/// Every CSV Entraide writes or reads from a user goes through CsvHelper here. Written cells that a
/// spreadsheet would evaluate as a formula (<c>= + - @</c>, tab, CR at the start) are neutralised with a
/// leading apostrophe inside quotes (OWASP's advice for CSV injection), so a State name or a subject
/// typed by someone else never runs in the reader's spreadsheet.
/// </summary>
public static class CsvFiles
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration WriteConfig = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        NewLine = "\r\n",
    };

    private static readonly CsvConfiguration ReadConfig = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        DetectDelimiter = false,
        BadDataFound = null,
        MissingFieldFound = null,
        TrimOptions = TrimOptions.None,
    };

    /// <summary>Writes a header and rows of cells. A UTF-8 byte-order mark comes first, so spreadsheets read the scripts right.</summary>
    public static async Task WriteAsync(
        TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default)
    {
        await using var csv = new CsvWriter(writer, WriteConfig, leaveOpen: true);
        foreach (var h in header) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var cell in row) csv.WriteField(cell ?? "");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>The whole file as a string (small exports, tests).</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        WriteAsync(sw, header, rows).GetAwaiter().GetResult();
        return sw.ToString();
    }

    /// <summary>An HTTP result streaming a CSV download with a UTF-8 byte-order mark.</summary>
    public static IResult Download(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Results.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await WriteAsync(writer, header, rows);
        }, ContentType, fileName);

    /// <summary>
    /// Reads every row of an uploaded CSV (RFC 4180: quoted cells, doubled quotes, line breaks inside
    /// quotes), the header included. A leading byte-order mark is dropped.
    /// </summary>
    public static IReadOnlyList<string[]> ReadRows(TextReader reader)
    {
        using var csv = new CsvParser(reader, ReadConfig, leaveOpen: true);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var record = csv.Record;
            if (record is null) continue;
            if (rows.Count == 0 && record.Length > 0) record[0] = record[0].TrimStart('\uFEFF');
            rows.Add(record);
        }
        return rows;
    }
}
