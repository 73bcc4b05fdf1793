using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Entraide.App.Infrastructure.Csv;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;

namespace Entraide.App.Knowledge.Legislation;

public static class ImportFormats
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string AkomaNtoso = "akn";
    public static readonly IReadOnlyList<string> All = [Json, Csv, AkomaNtoso];

    /// <summary>The format named, else guessed from the content type or the first character.</summary>
    public static string Detect(string? format, string? contentType, string content)
    {
        if (!string.IsNullOrWhiteSpace(format))
            return All.Contains(format.Trim().ToLowerInvariant())
                ? format.Trim().ToLowerInvariant()
                : throw DomainException.Invalid("unknown-format", "format");
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (media is "application/json") return Json;
        if (media is "text/csv") return Csv;
        if (media is "application/xml" or "text/xml" or "application/akn+xml") return AkomaNtoso;
        var first = content.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').FirstOrDefault();
        return first switch { '{' or '[' => Json, '<' => AkomaNtoso, _ => Csv };
    }
}

/// <summary>The parsed laws, and how to say where in the file each field came from.</summary>
public sealed record ParsedImport(IReadOnlyList<CreateLaw> Laws, Func<int, string, string> Locate);

/// <summary>
/// Reads laws from the three import formats. Reading never stores anything: the result goes through
/// the same validation as the API, and every problem found is reported with its place in the file
/// (JSON path, CSV row, XML line), all at once, so a file is fixed in one pass.
/// </summary>
public static class LawImport
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static ParsedImport Parse(string format, string content, bool example = false) => format switch
    {
        ImportFormats.Json => ParseJson(content),
        ImportFormats.Csv => ParseCsv(content, example),
        ImportFormats.AkomaNtoso => ParseAkomaNtoso(content, example),
        _ => throw DomainException.Invalid("unknown-format", "format"),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip
    };

    private sealed record JsonFile(List<CreateLaw>? Laws);

    public static ParsedImport ParseJson(string content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip
            });
            var laws = doc.RootElement.ValueKind switch
            {
                JsonValueKind.Array => doc.RootElement.Deserialize<List<CreateLaw>>(JsonOptions),
                JsonValueKind.Object when doc.RootElement.TryGetProperty("laws", out _) => doc.RootElement.Deserialize<JsonFile>(JsonOptions)?.Laws,
                JsonValueKind.Object => [doc.RootElement.Deserialize<CreateLaw>(JsonOptions)!],
                _ => null,
            };
            if (laws is null || laws.Count == 0) throw Unreadable("laws", "no laws");
            return new ParsedImport(laws, (i, f) => $"laws[{i}].{f}");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $"line {line + 1}" + (ex.BytePositionInLine is { } col ? $", column {col + 1}" : "")
                : ex.Path ?? "file";
            throw Unreadable(where, ex.Path ?? "");
        }
    }

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "state", "law", "type", "original_language", "adopted_on", "language", "date", "version_title",
        "eid", "number", "heading", "text", "terms", "penalty_min_months", "penalty_max_months",
    ];

    /// <summary>
    /// One row per provision; rows with the same State and law title make one law, and within it rows
    /// with the same language and date make one version. Terms are separated by semicolons.
    /// </summary>
    public static ParsedImport ParseCsv(string content, bool example)
    {
        var rows = CsvFiles.ReadRows(new StringReader(content));
        if (rows.Count < 2) throw Unreadable("row 1", "header and at least one row");
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var errors = CsvColumns.Where(c => !header.Contains(c)).Select(c => new DomainError("missing-column", "row 1") { Arguments = [c] }).ToList();
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var records = new List<(int Row, Dictionary<string, string> Values)>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r].All(string.IsNullOrWhiteSpace)) continue;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) d[header[i]] = i < rows[r].Length ? rows[r][i].Trim() : "";
            records.Add((r + 1, d));
        }

        // The row each field of each law came from, so validation errors point at a row.
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var laws = new List<CreateLaw>();
        foreach (var (lawGroup, li) in records.GroupBy(x => (x.Values["state"].ToUpperInvariant(), x.Values["law"])).Select((g, i) => (g, i)))
        {
            var first = lawGroup.First();
            foreach (var f in new[] { "state", "title", "type", "originalLanguage", "expressions" }) rowOf[$"{li}.{f}"] = first.Row;
            var expressions = new List<ExpressionInput>();
            foreach (var (exprGroup, ei) in lawGroup.GroupBy(x => (x.Values["language"], x.Values["date"])).Select((g, i) => (g, i)))
            {
                var head = exprGroup.First();
                foreach (var f in new[] { "language", "date", "title", "provisions" }) rowOf[$"{li}.expressions[{ei}].{f}"] = head.Row;
                var provisions = new List<ProvisionInput>();
                foreach (var (row, pi) in exprGroup.Select((x, i) => (x, i)))
                {
                    foreach (var f in new[] { "eid", "number", "heading", "text", "terms", "penaltyMinMonths", "penaltyMaxMonths" })
                        rowOf[$"{li}.expressions[{ei}].provisions[{pi}].{f}"] = row.Row;
                    provisions.Add(new ProvisionInput(row.Values["eid"], row.Values["number"], row.Values["heading"], row.Values["text"],
                        [.. row.Values["terms"].Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                        Int(row, "penalty_min_months", errors), Int(row, "penalty_max_months", errors)));
                }
                expressions.Add(new ExpressionInput(head.Values["language"], Date(head, "date", errors),
                    head.Values["version_title"] is { Length: > 0 } t ? t : head.Values["law"], provisions));
            }
            laws.Add(new CreateLaw(first.Values["state"], first.Values["law"], first.Values["type"], first.Values["original_language"],
                first.Values["adopted_on"].Length == 0 ? null : Date(first, "adopted_on", errors), expressions, example));
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new ParsedImport(laws, (i, f) =>
        {
            var key = $"{i}.{f}";
            var column = f[(f.LastIndexOf('.') + 1)..];
            return rowOf.TryGetValue(key, out var row) ? $"row {row}, {column}" : $"law {i + 1}, {f}";
        });
    }

    private static int? Int((int Row, Dictionary<string, string> Values) row, string column, List<DomainError> errors)
    {
        var v = row.Values[column];
        if (v.Length == 0) return null;
        if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(new DomainError("not-a-number", $"row {row.Row}, {column}") { Arguments = [v] });
        return null;
    }

    private static DateOnly? Date((int Row, Dictionary<string, string> Values) row, string column, List<DomainError> errors)
    {
        var v = row.Values[column];
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new DomainError("not-a-date", $"row {row.Row}, {column}") { Arguments = [v] });
        return null;
    }

    public const string AknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        var assembly = typeof(LawImport).Assembly;
        foreach (var name in new[] { "Entraide.Schema.xml.xsd", "Entraide.Schema.akomantoso30.xsd" })
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded schema {name} is missing.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, null)!);
        }
        set.Compile();
        return set;
    });

    private static readonly Dictionary<string, string> Iso639_2 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ara"] = "ar",
        ["zho"] = "zh",
        ["chi"] = "zh",
        ["eng"] = "en",
        ["fra"] = "fr",
        ["fre"] = "fr",
        ["rus"] = "ru",
        ["spa"] = "es",
        ["ar"] = "ar",
        ["zh"] = "zh",
        ["en"] = "en",
        ["fr"] = "fr",
        ["ru"] = "ru",
        ["es"] = "es",
    };

    /// <summary>
    /// An Akoma Ntoso 3.0 <c>act</c>, validated against the OASIS schema first. The work's country
    /// (FRBRcountry, alpha-2) gives the State, the expression's FRBRlanguage and FRBRdate the version;
    /// each <c>article</c> or <c>section</c> is a provision, its <c>refersTo</c> naming taxonomy terms
    /// and its <c>class</c> the penalty as <c>penalty-min-N penalty-max-N</c> (months).
    /// </summary>
    public static ParsedImport ParseAkomaNtoso(string content, bool example)
    {
        var errors = new List<DomainError>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (errors.Count < 50) errors.Add(new DomainError("schema-violation",
                $"line {e.Exception.LineNumber}, column {e.Exception.LinePosition}")
            { Arguments = [e.Message] });
        };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(content), settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw Unreadable($"line {ex.LineNumber}, column {ex.LinePosition}", "");
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        XNamespace akn = AknNamespace;
        var act = doc.Root?.Element(akn + "act");
        if (act is null) throw new DomainException(FailureKind.Invalid, new DomainError("akn-not-act",
            "akomaNtoso")
        { Arguments = [doc.Root?.Elements().FirstOrDefault()?.Name.LocalName ?? ""] });
        var identification = act.Element(akn + "meta")?.Element(akn + "identification");
        var work = identification?.Element(akn + "FRBRWork");
        var expression = identification?.Element(akn + "FRBRExpression");
        var locations = new Dictionary<string, string>(StringComparer.Ordinal);
        string Where(XElement? e) => e is IXmlLineInfo li && li.HasLineInfo() ? $"line {li.LineNumber} <{e.Name.LocalName}>" : "<act>";

        var country = work?.Element(akn + "FRBRcountry")?.Attribute("value")?.Value;
        locations["state"] = Where(work?.Element(akn + "FRBRcountry"));
        var state = country is null ? null : StateDirectory.Default.All.FirstOrDefault(s => s.Iso2.Equals(country,
            StringComparison.OrdinalIgnoreCase))?.Iso3 ?? country;
        var languageCode = expression?.Element(akn + "FRBRlanguage")?.Attribute("language")?.Value;
        var language = languageCode is not null && Iso639_2.TryGetValue(languageCode, out var l) ? l : languageCode;
        locations["originalLanguage"] = locations["expressions[0].language"] = Where(expression?.Element(akn + "FRBRlanguage"));
        var expressionDate = ParseDate(expression?.Element(akn + "FRBRdate")?.Attribute("date")?.Value);
        locations["expressions[0].date"] = Where(expression?.Element(akn + "FRBRdate"));
        var adopted = ParseDate(work?.Element(akn + "FRBRdate")?.Attribute("date")?.Value);
        var titleElement = act.Descendants(akn + "docTitle").FirstOrDefault();
        var title = titleElement?.Value.Trim() ?? work?.Element(akn + "FRBRname")?.Attribute("value")?.Value;
        locations["title"] = locations["expressions[0].title"] = Where(titleElement ?? act);
        var name = act.Attribute("name")?.Value;
        var type = name is not null && WorkTypes.All.Contains(name) ? name : WorkTypes.Statute;
        locations["type"] = Where(act);

        var body = act.Element(akn + "body");
        locations["expressions[0].provisions"] = Where(body ?? act);
        var provisions = new List<ProvisionInput>();
        foreach (var (p, i) in (body?.Descendants().Where(e => e.Name == akn + "article" || e.Name == akn + "section") ?? []).Select((p, i) => (p,
            i)))
        {
            var at = $"expressions[0].provisions[{i}].";
            foreach (var f in new[] { "eid", "number", "heading", "text", "terms", "penaltyMinMonths",
                "penaltyMaxMonths" }) locations[at + f] = Where(p);
            var classes = (p.Attribute("class")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int? Months(string prefix) => classes.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
                .Select(c => int.TryParse(c[prefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture,
                    out var m) ? m : (int?)null).FirstOrDefault();
            provisions.Add(new ProvisionInput(
                p.Attribute("eId")?.Value,
                p.Element(akn + "num")?.Value.Trim(),
                p.Element(akn + "heading")?.Value.Trim(),
                string.Join("\n", (p.Element(akn + "content") ?? p).Descendants(akn + "p").Select(x => x.Value.Trim())),
                [.. (p.Attribute("refersTo")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimStart('#'))],
                Months("penalty-min-"), Months("penalty-max-")));
        }
        var law = new CreateLaw(state, title, type, language, adopted,
            [new ExpressionInput(language, expressionDate, title, provisions)], example);
        return new ParsedImport([law], (_, f) => locations.TryGetValue(f, out var where) ? $"{where}, {f[(f.LastIndexOf('.') + 1)..]}" : f);
    }

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DomainException Unreadable(string where, string detail) =>
        new(FailureKind.Invalid, new DomainError("import-unreadable", where) { Arguments = [detail] });
}
