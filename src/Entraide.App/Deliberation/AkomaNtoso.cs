using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation;

/// <summary>
/// Akoma Ntoso 3.0 (OASIS LegalDocML) documents for draft resolutions, adopted resolutions and vote
/// records: a <c>statement</c> whose name (and FRBR subtype) is <c>resolutionDraft</c>,
/// <c>resolution</c> or <c>voteRecord</c>, with the preamble as recitals and the operative part as
/// numbered paragraphs, States named through the references section.
/// </summary>
public static class AkomaNtoso
{
    public static readonly XNamespace Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    public static string Iso639_2(string language) => language switch
    {
        Languages.Arabic => "ara",
        Languages.Chinese => "zho",
        Languages.French => "fra",
        Languages.Russian => "rus",
        Languages.Spanish => "spa",
        _ => "eng",
    };

    public static XDocument Draft(DraftResolution d, DraftRevision r, IReadOnlyList<Paragraph> paragraphs, StateDirectory states)
    {
        var adopted = d.Status == DraftStatus.Adopted && r.Number == d.CurrentRevision;
        var subtype = adopted ? "resolution" : "resolutionDraft";
        var symbol = d.SymbolOf(r.Number) ?? $"draft-{d.Id:N}";
        var date = DateOnly.FromDateTime((d.IssuedAt ?? r.CreatedAt).UtcDateTime);
        var lang = d.Language;
        var sponsors = d.Sponsors.OrderBy(s => s.Kind).ThenBy(s => states.ListName(s.State, lang, date), Collation.For(lang)).ToList();

        var preamble = paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).ToList();
        var operative = paragraphs.Where(p => p.Kind == ParagraphKind.Operative).ToList();
        var body = new XElement(Ns + "mainBody");
        for (var i = 0; i < operative.Count; i++)
        {
            var (num, text) = SplitNumber(operative[i].Text, i + 1);
            body.Add(new XElement(Ns + "paragraph", new XAttribute("eId", $"para_{i + 1}"),
                new XElement(Ns + "num", num),
                new XElement(Ns + "content", new XElement(Ns + "p", text))));
        }
        var preface = new XElement(Ns + "preface",
            new XElement(Ns + "p", new XElement(Ns + "docNumber", symbol)),
            new XElement(Ns + "p", new XElement(Ns + "docTitle", r.Title)));
        if (d.AgendaItem is { } item) preface.Add(new XElement(Ns + "p", new XAttribute("class", "agendaItem"), item));
        if (sponsors.Count > 0)
        {
            var p = new XElement(Ns + "p", new XAttribute("class", "sponsors"));
            for (var i = 0; i < sponsors.Count; i++)
            {
                if (i > 0) p.Add(", ");
                p.Add(new XElement(Ns + "organization", new XAttribute("refersTo", "#" + sponsors[i].State.ToLowerInvariant()),
                    new XAttribute("class", sponsors[i].Kind == SponsorKind.Main ? "mainSponsor" : "coSponsor"),
                    states.ListName(sponsors[i].State, lang, date)));
            }
            preface.Add(p);
        }
        var statement = new XElement(Ns + "statement", new XAttribute("name", subtype),
            Meta(subtype, symbol, date, lang, sponsors.Select(s => s.State), states, d.Symbol is null ? "GA" : DraftSymbol.BodyOf(d.Symbol)),
            preface);
        if (preamble.Count > 0)
        {
            statement.Add(new XElement(Ns + "preamble",
                new XElement(Ns + "recitals",
                    preamble.Select((p, i) => new XElement(Ns + "recital",
                        new XAttribute("eId", $"recital_{i + 1}"), new XElement(Ns + "p", p.Text))))));
        }
        if (operative.Count == 0) body.Add(new XElement(Ns + "p"));
        statement.Add(body);
        if (r.BudgetImplications is { } budget)
        {
            statement.Add(new XElement(Ns + "conclusions",
                new XElement(Ns + "container", new XAttribute("name", "programmeBudgetImplications"), new XElement(Ns + "p", budget))));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Ns + "akomaNtoso", statement));
    }

    public static XDocument VoteRecord(Vote v, VoteReportText report, StateDirectory states)
    {
        var lang = report.Language;
        var symbol = v.AmendmentSymbol ?? v.DraftSymbol;
        var body = new XElement(Ns + "mainBody",
            new XElement(Ns + "p", new XAttribute("class", "outcome"), report.Outcome));
        var choices = new[] { ("inFavour", VoteChoice.Yes), ("against", VoteChoice.No), ("abstaining", VoteChoice.Abstain) };
        var (sep, end) = UnFormats.ListPunctuation(lang);
        foreach (var (name, choice) in choices)
        {
            if (v.Method != VoteMethod.Recorded) break;
            var codes = states.SortCodes(v.Ballots.Where(b => b.Choice == choice).Select(b => b.State), lang, v.Date);
            var p = new XElement(Ns + "p");
            for (var i = 0; i < codes.Count; i++)
            {
                if (i > 0) p.Add(sep);
                p.Add(new XElement(Ns + "organization",
                    new XAttribute("refersTo", "#" + codes[i].ToLowerInvariant()), states.ListName(codes[i], lang, v.Date)));
            }
            if (codes.Count > 0) p.Add(end);
            body.Add(new XElement(Ns + "container", new XAttribute("name", name),
                new XElement(Ns + "p", new XAttribute("class", "heading"), VoteReport.Heading(choice, lang)), p));
        }
        if (report.Footnotes.Count > 0)
        {
            body.Add(new XElement(Ns + "container", new XAttribute("name", "footnotes"),
                report.Footnotes.Select(f => new XElement(Ns + "p", f))));
        }
        var statement = new XElement(Ns + "statement", new XAttribute("name", "voteRecord"),
            Meta("voteRecord", symbol, v.Date, lang,
                v.Ballots.Select(b => b.State).Concat(v.Footnotes.Select(f => f.State)).Distinct(), states, v.Body),
            new XElement(Ns + "preface",
                new XElement(Ns + "p", new XElement(Ns + "docNumber", symbol)),
                new XElement(Ns + "p", new XElement(Ns + "docDate", new XAttribute("date", Iso(v.Date)), UnFormats.Date(v.Date, lang)))),
            body);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Ns + "akomaNtoso", statement));
    }

    private static XElement Meta(
        string subtype, string symbol, DateOnly date, string lang, IEnumerable<string> stateCodes, StateDirectory states, string body)
    {
        var slug = symbol.Replace('/', '-').ToLowerInvariant();
        var work = $"/akn/un/statement/{subtype}/{Iso(date)}/{slug}";
        var expr = $"{work}/{Iso639_2(lang)}@";
        var author = body == "GA" ? "#generalAssembly" : "#" + body.Replace(".", "").ToLowerInvariant();
        XElement Date(string name) => new(Ns + "FRBRdate", new XAttribute("date", Iso(date)), new XAttribute("name", name));
        var references = new XElement(Ns + "references", new XAttribute("source", "#secretariat"),
            new XElement(Ns + "TLCOrganization", new XAttribute("eId", "secretariat"),
                new XAttribute("href", "/akn/ontology/organizations/un/secretariat"), new XAttribute("showAs", "United Nations Secretariat")),
            new XElement(Ns + "TLCOrganization", new XAttribute("eId", author[1..]),
                new XAttribute("href", "/akn/ontology/organizations/un/" + author[1..]),
                new XAttribute("showAs", VoteReport.Body(body, Languages.English).Name)));
        foreach (var code in stateCodes.Distinct().Order(StringComparer.Ordinal))
        {
            references.Add(new XElement(Ns + "TLCOrganization", new XAttribute("eId", code.ToLowerInvariant()),
                new XAttribute("href", "/akn/ontology/organizations/un/memberStates/" + code),
                new XAttribute("showAs", states.ListName(code, lang, date))));
        }
        return new XElement(Ns + "meta",
            new XElement(Ns + "identification", new XAttribute("source", "#secretariat"),
                new XElement(Ns + "FRBRWork",
                    new XElement(Ns + "FRBRthis", new XAttribute("value", work + "/!main")),
                    new XElement(Ns + "FRBRuri", new XAttribute("value", work)),
                    Date("issued"),
                    new XElement(Ns + "FRBRauthor", new XAttribute("href", author)),
                    new XElement(Ns + "FRBRcountry", new XAttribute("value", "un")),
                    new XElement(Ns + "FRBRsubtype", new XAttribute("value", subtype)),
                    new XElement(Ns + "FRBRnumber", new XAttribute("value", symbol))),
                new XElement(Ns + "FRBRExpression",
                    new XElement(Ns + "FRBRthis", new XAttribute("value", expr + "/!main")),
                    new XElement(Ns + "FRBRuri", new XAttribute("value", expr)),
                    Date("issued"),
                    new XElement(Ns + "FRBRauthor", new XAttribute("href", "#secretariat")),
                    new XElement(Ns + "FRBRlanguage", new XAttribute("language", Iso639_2(lang)))),
                new XElement(Ns + "FRBRManifestation",
                    new XElement(Ns + "FRBRthis", new XAttribute("value", expr + "/!main.xml")),
                    new XElement(Ns + "FRBRuri", new XAttribute("value", expr + ".akn")),
                    Date("generated"),
                    new XElement(Ns + "FRBRauthor", new XAttribute("href", "#secretariat")))),
            references);
    }

    /// <summary>Operative paragraphs carry their number in the text ("1. Requests…"); Akoma Ntoso wants it in &lt;num&gt;.</summary>
    private static (string Num, string Text) SplitNumber(string text, int fallback)
    {
        var m = System.Text.RegularExpressions.Regex.Match(
            text, @"^\s*(\d{1,3})\s*(\.|-|–)\s*(.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
        return m.Success ? (m.Groups[1].Value + ".", m.Groups[3].Value) : (fallback.ToString(CultureInfo.InvariantCulture) + ".", text);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Lazy<XmlSchemaSet> SchemaSet = new(() =>
    {
        var asm = typeof(AkomaNtoso).Assembly;
        var set = new XmlSchemaSet { XmlResolver = null };
        using (var xml = asm.GetManifestResourceStream("Entraide.Schema.xml.xsd")!) set.Add(XmlSchema.Read(xml, null)!);
        using (var akn = asm.GetManifestResourceStream("Entraide.Schema.akomantoso30.xsd")!) set.Add(XmlSchema.Read(akn, null)!);
        set.Compile();
        return set;
    });

    /// <summary>Validates a document against the OASIS Akoma Ntoso 3.0 schema shipped inside Entraide; returns the errors.</summary>
    public static IReadOnlyList<string> Validate(XDocument doc)
    {
        var errors = new List<string>();
        doc.Validate(SchemaSet.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    public static byte[] ToBytes(XDocument doc)
    {
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
            doc.Save(w);
        return ms.ToArray();
    }
}
