using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Pages;

/// <summary>A draft resolution: its text with the editor's warnings, its sponsors, new revisions, issue under a symbol, co-sponsorship.</summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class DraftModel(DraftHandlers handlers, ICurrentActor current, StateDirectory states, ErrorMessages messages, IStringLocalizer<DeliberationText> text)
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
        var (d, r) = await handlers.LoadForExportAsync(id, revision, false, ct);
        return File(AkomaNtoso.ToBytes(AkomaNtoso.Draft(d, r, DraftHandlers.Paragraphs(r), states)), "application/akn+xml", "draft.xml");
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => handlers.ReviseAsync(id, new ReviseDraft(Title, ParagraphForm.Read(Preamble, Operative), Budget, Version), ct)))
        {
            Done = text["The revision has been saved."];
            await LoadAsync(id, null, ct, fillForm: true);
        }
        else await LoadAsync(id, null, ct, fillForm: false);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, string? symbol, CancellationToken ct)
    {
        if (await TryAsync(() => handlers.IssueAsync(id, new IssueDraft(symbol, Version), ct))) Done = text["The draft has been issued."];
        await LoadAsync(id, null, ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostSponsorAsync(Guid id, string? sponsorState, CancellationToken ct)
    {
        if (await TryAsync(() => handlers.AddSponsorAsync(id, new AddSponsor(sponsorState, null), ct))) Done = text["The sponsor has been added."];
        await LoadAsync(id, null, ct, fillForm: true);
        return Page();
    }

    private async Task LoadAsync(Guid id, int? revision, CancellationToken ct, bool fillForm)
    {
        Draft = await handlers.GetAsync(id, revision, ct);
        if (fillForm)
        {
            var current = revision is null ? Draft : await handlers.GetAsync(id, null, ct);
            (Preamble, Operative) = ParagraphForm.Write(current.Revision.Paragraphs);
            Budget = current.Revision.BudgetImplications;
            Title = null;
        }
    }
}
