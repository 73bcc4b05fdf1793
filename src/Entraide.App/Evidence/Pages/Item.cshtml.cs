using Entraide.App.Evidence.Items;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Evidence.Pages;

/// <summary>One item of evidence and its chain of custody, for the States of its request (404 for anyone else).</summary>
public sealed class ItemModel(EvidenceQueries queries) : PageModel
{
    public EvidenceDetailView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await queries.GetAsync(id, ct);
}
