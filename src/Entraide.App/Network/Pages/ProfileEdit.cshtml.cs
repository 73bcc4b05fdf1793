using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Profiles;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The State administrators' form for the Convention status and declarations.</summary>
[Authorize(Roles = Roles.StateAdministrator)]
public sealed class ProfileEditModel(ProfileQueries profiles, UpdateProfileHandler update, ICurrentActor current, ErrorMessages text) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;
    public FieldErrors Errors { get; } = new();

    /// <summary>The values shown in the form: the stored profile, or what was just sent when it was refused.</summary>
    public UpdateProfile Input { get; private set; } = null!;

    public static IReadOnlyList<string> PoliticalChoices => OffenceCategories.Optional;
    public static IReadOnlyList<string> CoreTerms => OffenceTerms.Core;

    public async Task OnGetAsync(string state, CancellationToken ct)
    {
        await LoadAsync(state, ct);
        var d = Profile.Declarations;
        Input = new UpdateProfile(Profile.Status, Profile.SignedOn, Profile.RatifiedOn, d.RequiresDualCriminalityForPreservation,
            d.RequiresDualCriminality, d.PoliticalOffenceTerms, d.AcceptedLanguages, d.AcceptsUrgentRequestsOrally,
            d.AcceptsUrgentRequestsByEmail, d.CriminalisedOptionalCategories, d.EmergencyAcknowledgementHours, Profile.Notes, Profile.Version,
            d.NotCriminalisedOptionalCategories);
    }

    public async Task<IActionResult> OnPostAsync(
        string state, string? status, DateOnly? signedOn, DateOnly? ratifiedOn, bool requiresDualCriminalityForPreservation,
        bool requiresDualCriminality, string[]? politicalOffenceTerms, string? acceptedLanguages, bool acceptsUrgentRequestsOrally,
        bool acceptsUrgentRequestsByEmail, string[]? criminalisedOptionalCategories, int? emergencyAcknowledgementHours, string? notes,
        int? expectedVersion, string[]? notCriminalisedOptionalCategories, CancellationToken ct)
    {
        Input = new UpdateProfile(status, signedOn, ratifiedOn, requiresDualCriminalityForPreservation, requiresDualCriminality,
            politicalOffenceTerms ?? [], SplitLanguages(acceptedLanguages), acceptsUrgentRequestsOrally, acceptsUrgentRequestsByEmail,
            criminalisedOptionalCategories ?? [], emergencyAcknowledgementHours, notes, expectedVersion, notCriminalisedOptionalCategories ?? []);
        // Form fields the browser could not read as numbers or dates arrive as null: say so instead of storing a blank.
        foreach (var field in new[] { "signedOn", "ratifiedOn", "emergencyAcknowledgementHours" })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
                Errors.Add(DomainException.Invalid("invalid-value", field), text);
        }
        if (!Errors.Any)
        {
            try
            {
                await update.HandleAsync(state, Input, ct);
                return Redirect($"/states/{state.ToUpperInvariant()}/profile?done=saved");
            }
            catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
            {
                Errors.Add(ex, text);
            }
        }
        await LoadAsync(state, ct);
        return Page();
    }

    private static string[] SplitLanguages(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync(string state, CancellationToken ct)
    {
        Profile = await profiles.GetAsync(state, CultureCookie.Current, ct);
        // Another State's form does not exist for this administrator (404, like its records).
        current.Current.EnsureCanChange(Profile.State, Roles.StateAdministrator);
    }
}
