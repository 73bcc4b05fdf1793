using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Authorities;
using Entraide.App.Network.Profiles;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>Adds, changes or withdraws one authority or point of contact of the administrator's State.</summary>
[Authorize(Roles = Roles.StateAdministrator)]
public sealed class AuthorityEditModel(ProfileQueries profiles, AuthorityQueries authorities, CreateAuthorityHandler create,
    UpdateAuthorityHandler update, DeleteAuthorityHandler delete, ICurrentActor current, ErrorMessages text) : PageModel
{
    public string State { get; private set; } = "";
    public string StateName { get; private set; } = "";
    public Guid? AuthorityId { get; private set; }
    public AuthorityInput Input { get; private set; } = Blank;
    public FieldErrors Errors { get; } = new();

    private static readonly AuthorityInput Blank = new(AuthorityKinds.PointOfContact, "", null, [], null, [], "mon-fri 09:00-17:00",
        null, ReplyChannels.Phone, true, false, false, false, null);

    /// <summary>Every IANA zone the server knows, for the zone picker.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/',
            StringComparison.Ordinal)).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public async Task OnGetAsync(string state, Guid? authorityId, CancellationToken ct)
    {
        await LoadAsync(state, ct);
        AuthorityId = authorityId;
        if (authorityId is { } id)
        {
            var a = await authorities.GetAsync(State, id, ct);
            Input = new AuthorityInput(a.Kind, a.Name, a.Address, a.Phones, a.Email, a.Languages, a.OfficeHours, a.TimeZone,
                a.PreferredChannel, a.AroundTheClock, a.Visibility!.AddressPublic, a.Visibility.EmailPublic, a.Visibility.PhonesPublic, a.Version);
        }
        else
        {
            Input = Blank with { TimeZone = TimeZoneOfOtherAuthorities() };
        }
    }

    public async Task<IActionResult> OnPostAsync(string state, Guid? authorityId, string? kind, string? name, string? address, string? phones,
        string? email, string? languages, string? officeHours, string? timeZone, string? preferredChannel, bool aroundTheClock,
        bool addressPublic, bool emailPublic, bool phonesPublic, int? expectedVersion, CancellationToken ct)
    {
        await LoadAsync(state, ct);
        AuthorityId = authorityId;
        Input = new AuthorityInput(kind, name, address, SplitLines(phones), email,
            string.IsNullOrWhiteSpace(languages) ? [] : languages.Split([',', ' ', ';'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            officeHours, timeZone, preferredChannel, aroundTheClock, addressPublic, emailPublic, phonesPublic, expectedVersion);
        try
        {
            if (authorityId is { } id) await update.HandleAsync(State, id, Input, ct);
            else await create.HandleAsync(State, Input, ct);
            return Redirect($"/states/{State}/profile?done=saved");
        }
        catch (DomainException ex) when (ex.Kind != FailureKind.NotFound)
        {
            Errors.Add(ex, text);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string state, Guid authorityId, int? expectedVersion, CancellationToken ct)
    {
        await LoadAsync(state, ct);
        await delete.HandleAsync(State, authorityId, new DeleteAuthority(expectedVersion), ct);
        return Redirect($"/states/{State}/profile?done=deleted");
    }

    private static string[] SplitLines(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private ProfileView? _profile;

    private string? TimeZoneOfOtherAuthorities() => _profile?.Authorities.FirstOrDefault()?.TimeZone;

    private async Task LoadAsync(string state, CancellationToken ct)
    {
        _profile = await profiles.GetAsync(state, CultureCookie.Current, ct);
        current.Current.EnsureCanChange(_profile.State, Roles.StateAdministrator);
        State = _profile.State;
        StateName = _profile.Name;
    }
}
