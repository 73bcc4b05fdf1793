using System.Net;
using Entraide.Domain.Common;

namespace Entraide.App.Infrastructure.Documents;

/// <summary>
/// Wraps an HTML fragment into a self-contained printable document: the language and direction on
/// the root element (so Arabic lays out right to left), fonts that cover the six languages, and print
/// styles inline (the printer loads nothing from outside). Other modules use it for formal documents.
/// </summary>
public static class PrintableDocument
{
    /// <param name="language">One of the six languages (ISO 639-1); anything else prints as English.</param>
    /// <param name="title">The document title (escaped here).</param>
    /// <param name="bodyHtml">Trusted HTML built by the calling module, with user text already encoded.</param>
    /// <param name="extraCss">Styles particular to the document, appended after the base styles.</param>
    public static string Wrap(string language, string title, string bodyHtml, string? extraCss = null)
    {
        var lang = Languages.Normalise(language) ?? Languages.Default;
        var dir = Languages.IsRightToLeft(lang) ? "rtl" : "ltr";
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}" dir="{dir}">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>{BaseCss}{extraCss}</style>
            </head>
            <body>
            {bodyHtml}
            </body>
            </html>
            """;
    }

    /// <summary>
    /// Logical properties throughout, so the same styles serve left-to-right and right-to-left documents.
    /// No <c>@page</c> size: the printer sets A4 and the orientation, and a CSS size would override the latter.
    /// </summary>
    public const string BaseCss =
        "html{font-family:'Noto Serif','Noto Naskh Arabic','Noto Serif CJK SC','Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',serif;" +
        "font-size:11pt;line-height:1.45;color:#111;}" +
        "body{margin:0;}" +
        "h1{font-size:16pt;margin-block:0 8pt;}h2{font-size:13pt;margin-block:14pt 6pt;}h3{font-size:11.5pt;margin-block:10pt 4pt;}" +
        "p{margin-block:0 6pt;text-align:start;}" +
        "table{border-collapse:collapse;inline-size:100%;margin-block:6pt;}" +
        "th,td{border:0.5pt solid #999;padding:3pt 5pt;text-align:start;vertical-align:top;}" +
        "th{background:#eee;}thead{display:table-header-group;}tr{break-inside:avoid;}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:2pt 10pt;}dt{font-weight:700;}dd{margin:0;}" +
        ".muted{color:#555;}.reference{font-family:'DejaVu Sans Mono',monospace;}" +
        "h1,h2,h3{break-after:avoid;}";
}
