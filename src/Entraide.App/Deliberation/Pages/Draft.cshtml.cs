using Entraide.App.Deliberation.Drafts;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Pages;

/// <summary>A draft resolution: its text with the editor's warnings, its sponsors, new revisions, issue under a symbol, co-sponsorship.</summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class DraftModel(DraftQueries drafts, ICurrentActor current, StateDirectory states, ErrorMessages messages,
    IStringLocalizer<DeliberationText> text)
    : DeliberationPage(messages), IParagraphForm
{
    public DraftView? Draft { get; private set; }
    public bool IsSecretariat => current.Current.IsSecretariat;

    public bool CanRevise => Draft is { Status: DraftStatus.Working or DraftStatus.Issued } d
        && (IsSecretariat || d.MainSponsors.Any(s => current.Current.BelongsTo(s.State)));

    public bool CanSponsor => Draft is { Status: DraftStatus.Working or DraftStatus.Issued } d
        && (IsSecretariat || (d.Status == DraftStatus.Issued && current.Current.StateCode is { } own
            && d.MainSponsors.All(s => s.State != own) && d.CoSponsors.All(s => s.State != own)));

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Preamble { get; set; }
    [BindProperty] public string? Operative { get; set; }
    [BindProperty] public string? Budget { get; set; }

    public async Task OnGetAsync(Guid id, int? revision, CancellationToken ct) => await LoadAsync(id, revision, ct, fillForm: true);

    public async Task<IActionResult> OnGetAknAsync(Guid id, int? revision, CancellationToken ct)
    {
        var (d, r) = await drafts.ExportAsync(id, revision, false, ct);
        return File(AkomaNtoso.ToBytes(AkomaNtoso.Draft(d, r, r.Paragraphs(), states)), "application/akn+xml", "draft.xml");
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid id, [FromServices] ReviseDraftHandler handler, CancellationToken ct)
    {
        if (await TryAsync(() => handler.HandleAsync(id, new ReviseDraft(Title, ParagraphForm.Read(Preamble, Operative), Budget, Version), ct)))
        {
            Done = text["The revision has been saved."];
            await LoadAsync(id, null, ct, fillForm: true);
        }
        else await LoadAsync(id, null, ct, fillForm: false);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, string? symbol, [FromServices] IssueDraftHandler handler, CancellationToken ct)
    {
        if (await TryAsync(() => handler.HandleAsync(id, new IssueDraft(symbol, Version), ct))) Done = text["The draft has been issued."];
        await LoadAsync(id, null, ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostSponsorAsync(Guid id, string? sponsorState, [FromServices] AddSponsorHandler handler,
        CancellationToken ct)
    {
        if (await TryAsync(() => handler.HandleAsync(id, new AddSponsor(sponsorState, null), ct))) Done = text["The sponsor has been added."];
        await LoadAsync(id, null, ct, fillForm: true);
        return Page();
    }

    private async Task LoadAsync(Guid id, int? revision, CancellationToken ct, bool fillForm)
    {
        Draft = await drafts.GetAsync(id, revision, ct);
        if (fillForm)
        {
            var current = revision is null ? Draft : await drafts.GetAsync(id, null, ct);
            (Preamble, Operative) = ParagraphForm.Write(current.Revision.Paragraphs);
            Budget = current.Revision.BudgetImplications;
            Title = null;
        }
    }
}
