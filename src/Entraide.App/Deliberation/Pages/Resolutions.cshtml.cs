using Entraide.App.Deliberation.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Deliberation.Pages;

/// <summary>Public: issued drafts and the texts adopted or rejected.</summary>
[AllowAnonymous]
public sealed class ResolutionsModel(DraftQueries drafts) : PageModel
{
    public IReadOnlyList<DraftView> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Drafts = await drafts.ListAsync(true, null, ct);
}
