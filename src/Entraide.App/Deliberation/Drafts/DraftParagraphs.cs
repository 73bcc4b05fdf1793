using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;

namespace Entraide.App.Deliberation.Drafts;

/// <summary>The paragraphs of a draft as the API and the forms send them, read into the domain's paragraphs.</summary>
internal static class DraftParagraphs
{
    public static List<Paragraph> Parse(IReadOnlyList<ParagraphInput?>? input)
    {
        var list = new List<Paragraph>();
        foreach (var p in input ?? [])
        {
            if (p is null) throw DomainException.Invalid("invalid-value", "paragraphs");
            var kind = (p.Kind ?? "").Trim().ToLowerInvariant() switch
            {
                "preambular" or "preamble" => ParagraphKind.Preambular,
                "operative" => ParagraphKind.Operative,
                _ => throw DomainException.Invalid("invalid-paragraph-kind", "paragraphs"),
            };
            list.Add(new Paragraph(kind, (p.Text ?? "").Trim()));
        }
        return list;
    }
}
