using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Entraide.App.Infrastructure.Documents;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Microsoft.Extensions.Localization;
using Languages = Entraide.Domain.Common.Languages;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordLanguages = DocumentFormat.OpenXml.Wordprocessing.Languages;

namespace Entraide.App.Deliberation.Consultations;

/// <summary>The words a compilation prints besides the States' texts, in its own language.</summary>
public sealed record CompilationLabels(string Introduction, string Comments, string AwaitingTranslation, string TranslatedBy)
{
    public static CompilationLabels For(IStringLocalizer<DeliberationText> text, string language)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = Languages.Culture(language);
            return new(text["compilation.introduction"], text["compilation.comments"], text["compilation.awaiting"],
                text["compilation.translated-by"]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>
/// The compilation as a Word document and as printable HTML (for PDF), laid out like A/AC.291/4:
/// "I. Introduction", "II. Comments received", then each State's name, "[Original: …]" and the date
/// received, right-to-left in Arabic.
/// </summary>
public static class CompilationExports
{
    public static byte[] Docx(CompiledDocument doc, CompilationLabels labels)
    {
        var rtl = Languages.IsRightToLeft(doc.Language);
        using var ms = new MemoryStream();
        using (var word = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            Paragraph Para(string text, bool bold = false, string? size = null, JustificationValues? justify = null, bool italic = false)
            {
                var runProps = new RunProperties(new WordLanguages
                {
                    Val = doc.Language,
                    Bidi = rtl ? "ar-SA" : null,
                    EastAsia = doc.Language == "zh" ? "zh-CN" : null
                });
                if (bold) runProps.Append(new Bold());
                if (italic) runProps.Append(new Italic());
                if (size is not null) runProps.Append(new FontSize { Val = size });
                if (rtl) runProps.Append(new RightToLeftText());
                var props = new ParagraphProperties();
                if (rtl) props.Append(new BiDi());
                props.Append(new SpacingBetweenLines { After = "120" });
                if (justify is { } j) props.Append(new Justification { Val = j });
                return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            if (doc.Symbol is { } symbol) body.Append(Para(symbol, justify: rtl ? JustificationValues.Left : JustificationValues.Right));
            body.Append(Para(doc.Title, bold: true, size: "28"));
            if (doc.Introduction.Count > 0)
            {
                body.Append(Para("I. " + labels.Introduction, bold: true, size: "24"));
                for (var i = 0; i < doc.Introduction.Count; i++) body.Append(Para($"{i + 1}. {doc.Introduction[i]}"));
            }
            body.Append(Para((doc.Introduction.Count > 0 ? "II. " : "") + labels.Comments, bold: true, size: "24"));
            foreach (var s in doc.Sections)
            {
                body.Append(Para(s.Heading, bold: true, size: "24"));
                body.Append(Para(s.OriginalLine));
                body.Append(Para(s.DateLine));
                if (s.AwaitingTranslation) body.Append(Para(labels.AwaitingTranslation, italic: true));
                else foreach (var p in s.Paragraphs) body.Append(Para(p, justify: JustificationValues.Both));
            }
            var section = new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin
            {
                Top = 1440,
                Bottom = 1440,
                Left = 1440U,
                Right = 1440U
            });
            if (rtl) section.Append(new BiDi());
            body.Append(section);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    public static string Html(CompiledDocument doc, CompilationLabels labels)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var dir = Languages.IsRightToLeft(doc.Language) ? "rtl" : "ltr";
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{doc.Language}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{E(doc.Title)}</title>");
        sb.Append("<style>body{font-family:'Noto Serif','Noto Naskh Arabic','Noto Serif CJK SC',serif;margin:2cm;line-height:1.45}")
          .Append("h1{font-size:16pt}h2{font-size:13pt;margin-block-start:1.5em}")
          .Append("h3{font-size:12pt;margin-block:1.2em .2em}.symbol{text-align:end}.meta{margin:0}")
          .Append(".awaiting{font-style:italic;color:#8a5a00}p{text-align:justify}</style></head><body>");
        if (doc.Symbol is { } symbol) sb.Append($"<p class=\"symbol\">{E(symbol)}</p>");
        sb.Append($"<h1>{E(doc.Title)}</h1>");
        if (doc.Introduction.Count > 0)
        {
            sb.Append($"<h2>I. {E(labels.Introduction)}</h2>");
            for (var i = 0; i < doc.Introduction.Count; i++) sb.Append($"<p>{i + 1}. {E(doc.Introduction[i])}</p>");
        }
        sb.Append($"<h2>{(doc.Introduction.Count > 0 ? "II. " : "")}{E(labels.Comments)}</h2>");
        foreach (var s in doc.Sections)
        {
            sb.Append($"<section><h3>{E(s.Heading)}</h3><p class=\"meta\">{E(s.OriginalLine)}</p><p class=\"meta\">{E(s.DateLine)}</p>");
            if (s.AwaitingTranslation) sb.Append($"<p class=\"awaiting\">{E(labels.AwaitingTranslation)}</p>");
            else foreach (var p in s.Paragraphs) sb.Append($"<p>{E(p)}</p>");
            sb.Append("</section>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }
}

