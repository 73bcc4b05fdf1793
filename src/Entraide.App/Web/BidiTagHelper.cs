using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Entraide.App.Web;

/// <summary>
/// Isolates every user-entered value for bidirectional text: the cells, descriptions, quotations and text
/// fields of every page get <c>dir="auto"</c>, so an Arabic address in an English page (or a Latin one in
/// an Arabic page) keeps its own order ("3–5 National Circuit, Barton ACT 2600" does not read "2600 … 5–3")
/// and does not reorder the punctuation around it. An explicit <c>dir</c> on the element wins.
/// Values embedded in a sentence are wrapped in <c>&lt;bdi&gt;</c> by the page itself.
/// </summary>
[HtmlTargetElement("dd")]
[HtmlTargetElement("td")]
[HtmlTargetElement("q")]
[HtmlTargetElement("blockquote")]
[HtmlTargetElement("address")]
[HtmlTargetElement("textarea")]
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("h1")]
[HtmlTargetElement("h3")]
[HtmlTargetElement("*", Attributes = "user-text")]
public sealed class BidiTagHelper : TagHelper
{
    private static readonly HashSet<string> TextInputs = new(StringComparer.OrdinalIgnoreCase) { "", "text", "search" };

    // Before the framework's own helpers (the input helper reads, but never sets, dir).
    public override int Order => -1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("user-text");
        if (output.Attributes.ContainsName("dir")) return;
        if (output.TagName == "input")
        {
            var type = output.Attributes.TryGetAttribute("type", out var t) ? t.Value?.ToString() ?? "" : "";
            if (!TextInputs.Contains(type)) return;
        }
        output.Attributes.SetAttribute("dir", "auto");
    }
}
