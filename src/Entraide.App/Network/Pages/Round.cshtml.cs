using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Verification;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>One round's summary and every point's outcome, unanswered first.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class RoundModel(VerificationQueries verification) : PageModel
{
    public RoundDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(Guid roundId, CancellationToken ct) =>
        Detail = await verification.GetAsync(roundId, CultureCookie.Current, ct);
}
