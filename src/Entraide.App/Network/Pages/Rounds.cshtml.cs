using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Verification;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The secretariat's verification rounds: start one, follow each one's summary.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class RoundsModel(VerificationQueries verification, StartVerificationRoundHandler start, ErrorMessages text) : PageModel
{
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];
    public FieldErrors Errors { get; } = new();
    public double? ResponseHours { get; private set; } = 24;
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rounds = await verification.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(double? responseHours, string? message, CancellationToken ct)
    {
        ResponseHours = responseHours;
        Message = message;
        if (ModelState.TryGetValue("responseHours", out var entry) && entry.Errors.Count > 0)
        {
            Errors.Add(DomainException.Invalid("response-time-range", "responseHours"), text);
        }
        else
        {
            try
            {
                var round = await start.HandleAsync(new StartVerificationRound(responseHours, message), ct);
                return Redirect($"/verification/rounds/{round.Round.Id}");
            }
            catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
            {
                Errors.Add(ex, text);
            }
        }
        Rounds = await verification.ListAsync(ct);
        return Page();
    }
}
