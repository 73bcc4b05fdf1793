using Entraide.App.Deliberation.Drafts;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Entraide.App.Deliberation.Pages;

/// <summary>A form that edits a draft's paragraphs as two text areas, one block per paragraph.</summary>
public interface IParagraphForm
{
    string? Preamble { get; }
    string? Operative { get; }
    string? Budget { get; }
    bool Invalid(string field);
    string? ErrorFor(string field);
}

internal static class ParagraphForm
{
    public static List<ParagraphInput?> Read(string? preamble, string? operative) =>
    [
        .. Compiler.Paragraphs(preamble).Select(p => new ParagraphInput("preambular", p)),
        .. Compiler.Paragraphs(operative).Select(p => new ParagraphInput("operative", p)),
    ];

    public static (string Preamble, string Operative) Write(IEnumerable<ParagraphView> paragraphs) =>
        (string.Join("\n\n", paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).Select(p => p.Text)),
         string.Join("\n\n", paragraphs.Where(p => p.Kind == ParagraphKind.Operative).Select(p => p.Text)));
}

/// <summary>Drafts the delegate's State prepares or sponsors and every issued draft; a new draft is started here.</summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class DraftsModel(DraftQueries drafts, ICurrentActor current, ErrorMessages messages) : DeliberationPage(messages), IParagraphForm
{
    public IReadOnlyList<DraftView> Drafts { get; private set; } = [];
    public bool IsSecretariat => current.Current.IsSecretariat;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? AgendaItem { get; set; }
    [BindProperty] public string? TextLanguage { get; set; }
    [BindProperty] public string? Preamble { get; set; }
    [BindProperty] public string? Operative { get; set; }
    [BindProperty] public string? Budget { get; set; }
    [BindProperty] public string? Sponsors { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Drafts = await drafts.ListAsync(false, null, ct);

    public async Task<IActionResult> OnPostAsync([FromServices] CreateDraftHandler handler, CancellationToken ct)
    {
        DraftResolution? created = null;
        var sponsors = (Sponsors ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (await TryAsync(async () => created = await handler.HandleAsync(
                new CreateDraft(Title, AgendaItem, TextLanguage, ParagraphForm.Read(Preamble, Operative), Budget, sponsors), ct)))
            return Redirect($"/drafts/{created!.Id}");
        Drafts = await drafts.ListAsync(false, null, ct);
        return Page();
    }
}
