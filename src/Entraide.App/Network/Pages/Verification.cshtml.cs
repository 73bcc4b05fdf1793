using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Verification;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>
/// The point of contact's page: verification messages sent to its State, the open ones with a button
/// to acknowledge; with a check's id, that one message on its own (the link the message carries).
/// </summary>
[Authorize(Roles = Roles.PointOfContact + "," + Roles.StateAdministrator + "," + Roles.CentralAuthority)]
public sealed class VerificationModel(VerificationQueries verification, AcknowledgeVerificationHandler acknowledge, ErrorMessages text) : PageModel
{
    public IReadOnlyList<CheckView> Checks { get; private set; } = [];
    public CheckView? Selected { get; private set; }
    public FieldErrors Errors { get; } = new();
    public bool Acknowledged { get; private set; }
    public bool CanAcknowledge => User.IsInRole(Roles.PointOfContact) || User.IsInRole(Roles.StateAdministrator);

    public async Task OnGetAsync(Guid? checkId, bool acknowledged, CancellationToken ct)
    {
        Acknowledged = acknowledged;
        await LoadAsync(checkId, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? checkId, Guid id, CancellationToken ct)
    {
        try
        {
            await acknowledge.HandleAsync(id, ct);
            return Redirect(checkId is null ? "/verification?acknowledged=true" : $"/verification/{id}?acknowledged=true");
        }
        catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
        {
            Errors.Add(ex, text);
        }
        await LoadAsync(checkId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid? checkId, CancellationToken ct)
    {
        var lang = CultureCookie.Current;
        if (checkId is { } id) Selected = await verification.GetCheckAsync(id, lang, ct);
        else Checks = await verification.MineAsync(lang, ct);
    }
}
