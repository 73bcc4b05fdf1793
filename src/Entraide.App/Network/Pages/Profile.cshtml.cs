using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Profiles;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>
/// A State's profile as the reader may see it. Its administrators reach the edit forms from here;
/// the secretariat raises flags here; both see the reminders.
/// </summary>
[AllowAnonymous]
public sealed class ProfileModel(ProfileQueries profiles, FlagQueries flags, RaiseProfileFlagHandler raise, ResolveProfileFlagHandler resolve,
    ConfirmProfileHandler confirm, ICurrentActor current, ErrorMessages text) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;
    public FlagsView? Flags { get; private set; }
    public bool CanEdit { get; private set; }
    public bool IsSecretariat { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Done { get; private set; }

    public async Task OnGetAsync(string state, string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(state, ct);
    }

    public async Task<IActionResult> OnPostFlagAsync(string state, string? note, CancellationToken ct)
    {
        try
        {
            await raise.HandleAsync(state, new RaiseProfileFlag(note), ct);
            return RedirectToPage(new { state = state.ToUpperInvariant(), done = "flagged" });
        }
        catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
        {
            Errors.Add(ex, text);
        }
        await LoadAsync(state, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(string state, Guid flagId, string? resolution, CancellationToken ct)
    {
        try
        {
            await resolve.HandleAsync(state, flagId, new ResolveProfileFlag(resolution), ct);
            return RedirectToPage(new { state = state.ToUpperInvariant(), done = "resolved" });
        }
        catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
        {
            Errors.Add(ex, text);
        }
        await LoadAsync(state, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string state, int? expectedVersion, CancellationToken ct)
    {
        try
        {
            await confirm.HandleAsync(state, new ConfirmProfile(expectedVersion), ct);
            return RedirectToPage(new { state = state.ToUpperInvariant(), done = "confirmed" });
        }
        catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
        {
            Errors.Add(ex, text);
        }
        await LoadAsync(state, ct);
        return Page();
    }

    private async Task LoadAsync(string state, CancellationToken ct)
    {
        Profile = await profiles.GetAsync(state, CultureCookie.Current, ct);
        var actor = current.Current;
        CanEdit = actor.BelongsTo(Profile.State) && actor.Has(Roles.StateAdministrator);
        IsSecretariat = actor.IsSecretariat;
        if (actor.BelongsTo(Profile.State) || actor.IsSecretariat) Flags = await flags.ListAsync(Profile.State, ct);
    }
}
