using Entraide.App.Deliberation.Votes;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Pages;

/// <summary>
/// Public: a closed vote and its report in any of the six languages. The secretariat records the
/// ballots of an open vote, closes it, and records later statements as footnotes.
/// </summary>
[AllowAnonymous]
public sealed class VoteModel(VoteQueries votes, ICurrentActor current, ErrorMessages messages,
    IStringLocalizer<DeliberationText> text) : DeliberationPage(messages)
{
    public VoteView? Vote { get; private set; }
    public VoteReportText? Report { get; private set; }
    public bool IsSecretariat => current.Current.IsSecretariat;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Ballots { get; set; }
    [BindProperty] public string? FootnoteState { get; set; }
    [BindProperty] public string? Intended { get; set; }

    public async Task OnGetAsync(Guid id, string? report, CancellationToken ct) => await LoadAsync(id, report, ct);

    public async Task<IActionResult> OnPostImportAsync(Guid id, [FromServices] ImportBallotsHandler handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Forbid();
        if (await TryAsync(() => handler.HandleAsync(id, new ImportBallots(Ballots ?? "", Version), ct)))
        {
            Done = text["The ballots have been recorded."];
            Ballots = null;
        }
        await LoadAsync(id, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseVoteHandler handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Forbid();
        if (await TryAsync(() => handler.HandleAsync(id, new CloseVote(Version), ct))) Done = text["The vote is closed."];
        await LoadAsync(id, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFootnoteAsync(Guid id, [FromServices] AddFootnoteHandler handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Forbid();
        if (await TryAsync(() => handler.HandleAsync(id, new AddFootnote(FootnoteState, Intended, null),
            ct))) Done = text["The footnote has been recorded."];
        await LoadAsync(id, null, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, string? report, CancellationToken ct)
    {
        Vote = await votes.GetAsync(id, ct);
        Report = await votes.ReportAsync(id, Languages.Normalise(report) ?? Language, ct);
    }
}
