using Entraide.App.Deliberation.Drafts;
using Entraide.App.Deliberation.Votes;
using Entraide.Domain.Deliberation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Deliberation.Pages;

/// <summary>Public: an issued draft or an adopted text, its revisions compared, and the votes on it.</summary>
[AllowAnonymous]
public sealed class ResolutionModel(DraftQueries drafts, VoteQueries votes) : PageModel
{
    public DraftView? Draft { get; private set; }
    public DiffView? Diff { get; private set; }
    public IReadOnlyList<VoteView> Votes { get; private set; } = [];

    public async Task OnGetAsync(Guid id, int? revision, CancellationToken ct)
    {
        Draft = await drafts.GetPublicAsync(id, revision, ct);
        if (Draft.Revision.Symbol is not null && Draft.Revision.Symbol.Contains("/Rev.", StringComparison.Ordinal))
            Diff = await drafts.DiffAsync(id, Draft.Revision.Number - 1, Draft.Revision.Number, true, ct);
        Votes = [.. (await votes.ListAsync(id, ct)).Where(v => v.Status == VoteStatus.Closed)];
    }
}
