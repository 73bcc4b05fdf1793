using Entraide.App.Deliberation.Drafts;
using Entraide.App.Deliberation.Votes;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Deliberation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Entraide.App.Deliberation.Pages;

/// <summary>Public: the record of votes. The secretariat opens new votes here.</summary>
[AllowAnonymous]
public sealed class VotesModel(VoteQueries votes, DraftQueries drafts, ICurrentActor current, ErrorMessages messages) : DeliberationPage(messages)
{
    public IReadOnlyList<VoteView> Votes { get; private set; } = [];
    public IReadOnlyList<DraftView> Issued { get; private set; } = [];
    public bool IsSecretariat => current.Current.IsSecretariat;

    [BindProperty] public Guid? DraftId { get; set; }
    [BindProperty] public string? DraftSymbol { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? AmendmentSymbol { get; set; }
    [BindProperty] public string? ParagraphKind { get; set; }
    [BindProperty] public int? ParagraphNumber { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Majority { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromServices] CreateVoteHandler handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Forbid();
        Domain.Deliberation.Vote? created = null;
        if (await TryAsync(async () => created = await handler.HandleAsync(
                new CreateVote(DraftId, DraftSymbol, Body, AmendmentSymbol, ParagraphKind, ParagraphNumber, Date, Method, Majority), ct)))
            return Redirect($"/votes/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Votes = await votes.ListAsync(null, ct);
        if (IsSecretariat) Issued = await drafts.ListAsync(false, DraftStatus.Issued, ct);
    }
}
