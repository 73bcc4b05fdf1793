using Entraide.App.Deliberation.Drafts;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Deliberation.Pages;

/// <summary>Paragraph-level comparison of two revisions of a draft the caller may see.</summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class DraftDiffModel(DraftQueries drafts) : PageModel
{
    public Guid Id { get; private set; }
    public DiffView? Diff { get; private set; }

    public async Task OnGetAsync(Guid id, int? from, int? to, CancellationToken ct)
    {
        Id = id;
        Diff = await drafts.DiffAsync(id, from, to, false, ct);
    }
}
