using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Entraide.App.Infrastructure.Documents;

/// <summary>
/// A one-sheet XLSX workbook of a header and rows of text. Every cell is an inline string, never a
/// formula, so a value typed by someone else (a subject starting with <c>=</c>) is shown as text and never
/// runs in the reader's spreadsheet. Characters XML cannot carry are dropped.
/// </summary>
public static class XlsxFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(header));
            foreach (var row in rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = book.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) });
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>An HTTP result downloading the workbook.</summary>
    public static IResult Download(string fileName, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Results.File(Write(sheetName, header, rows), ContentType, fileName);

    private static Row Row(IEnumerable<string?> cells)
    {
        var row = new Row();
        foreach (var value in cells)
        {
            var text = new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve };
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(text) });
        }
        return row;
    }

    private static string Clean(string? value) => string.IsNullOrEmpty(value) ? "" : new string([.. value.Where(XmlConvertible)]);

    private static bool XmlConvertible(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');

    // Excel refuses sheet names longer than 31 characters or holding : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }
}
