using System.Globalization;
using System.Text;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Cooperation.Requests;

public sealed record RenderedDocument(string Reference, string Html);

/// <summary>
/// The request as a formal, self-contained document (styles inline, no scripts) in the reader's
/// language: what the central authority signs off, prints, or sends to a PDF printer.
/// </summary>
public sealed class RequestDocument(RequestQueries queries, IStringLocalizer<CooperationText> text, StateDirectory states)
{
    // Letters of every script stay as they are (the document must read in any of the six languages);
    // only markup characters are escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public async Task<RenderedDocument> RenderAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        return new RenderedDocument(view.Reference, Render(view));
    }

    public string Render(RequestView v)
    {
        var lang = CultureCookie.Current;
        var dir = Languages.IsRightToLeft(lang) ? "rtl" : "ltr";
        var on = DateOnly.FromDateTime((v.SubmittedAt ?? v.CreatedAt).UtcDateTime);
        string E(string? s) => Encoder.Encode(s ?? "");
        string State(string code) => states.Exists(code) ? states.FormalName(code, lang, on) : code;
        var spec = RequestCatalogue.All.First(t => t.Code == v.Type);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{E(v.Reference)}</title>");
        sb.Append("<style>body{font-family:'Noto Serif','Noto Naskh Arabic','Noto Serif CJK SC',serif;margin:2.5cm;line-height:1.45;color:#111}")
          .Append("h1{font-size:1.35rem;text-align:center;margin-block:0 .25rem}p.ref{text-align:center;margin:0 0 1.5rem}")
          .Append("table{border-collapse:collapse;inline-size:100%}")
          .Append("th,td{text-align:start;vertical-align:top;padding:.35rem .5rem;border-block-end:1px solid #bbb}")
          .Append("th{inline-size:32%;font-weight:600}.art{color:#555;font-weight:normal;font-size:.85em}")
          .Append(".draft{color:#a4161a;text-align:center;font-weight:700;letter-spacing:.2em}")
          .Append(".conf{border:2px solid #111;padding:.5rem;text-align:center;font-weight:700;margin-block-end:1rem}")
          .Append(".sig{margin-block-start:3rem}</style></head><body>");
        if (v.Status == "draft") sb.Append("<p class=\"draft\">").Append(E(text["DRAFT — not sent"])).Append("</p>");
        if (v.Confidential) sb.Append("<p class=\"conf\">").Append(E(text["CONFIDENTIAL — the person concerned must not be notified"]))
            .Append("</p>");
        sb.Append("<h1>").Append(E(text["type." + v.Type])).Append("</h1>");
        sb.Append("<p class=\"ref\">").Append(E(v.Reference)).Append(" · ").Append(E(text["Article {0}", spec.Article])).Append("</p><table>");
        void Row(string label, string? value, string? article = null)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(label));
            if (article is not null) sb.Append(" <span class=\"art\">(").Append(E(text["art. {0}", article])).Append(")</span>");
            sb.Append("</th><td>").Append(E(value).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>");
        }
        Row(text["Requesting State"], State(v.RequestingState));
        Row(text["Requested State"], State(v.RequestedState));
        Row(text["Channel"], text["channel." + v.Channel]);
        Row(text["Date of submission"], v.SubmittedAt?.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.CurrentCulture) ?? "—");
        Row(text["Language of the request"], Languages.Autonym(v.Language));
        if (v.Fields is not null)
        {
            foreach (var f in spec.Fields)
            {
                if (!v.Fields.TryGetValue(f.Name, out var value) || string.IsNullOrWhiteSpace(value)) continue;
                Row(text["label." + f.Name], f.Kind == FieldKind.Affirmation ? text["Yes"] : value, f.Article);
            }
        }
        if (v.Deadline is { } d) Row(text["Deadline requested"], d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) + " — " + v.DeadlineReasons);
        if (v.Preceding is { } p) Row(text["Follows up"], p.Reference);
        sb.Append("</table><p class=\"sig\">").Append(E(text["For the requesting authority"])).Append(": ")
          .Append(E(v.Fields?.GetValueOrDefault(RequestCatalogue.RequestingAuthority))).Append("</p></body></html>");
        return sb.ToString();
    }
}
