using Entraide.App.Network.Persistence;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Network.Profiles;

/// <summary>A profile change as sent by a State's administrators (API body and edit form).</summary>
/// <param name="Status">none, signatory or party.</param>
/// <param name="ExpectedVersion">The version the change was made from; a different current version answers 409.</param>
public sealed record ProfileInput(
    string? Status,
    DateOnly? SignedOn,
    DateOnly? RatifiedOn,
    bool RequiresDualCriminalityForPreservation,
    bool RequiresDualCriminality,
    IReadOnlyList<string>? PoliticalOffenceTerms,
    IReadOnlyList<string>? AcceptedLanguages,
    bool AcceptsUrgentRequestsOrally,
    bool AcceptsUrgentRequestsByEmail,
    IReadOnlyList<string>? CriminalisedOptionalCategories,
    int? EmergencyAcknowledgementHours,
    string? Notes,
    int? ExpectedVersion);

/// <summary>An authority as sent by a State's administrators.</summary>
/// <param name="OfficeHours">Weekly hours in the authority's zone, e.g. <c>mon-fri 09:00-17:30; sat 09:00-12:00</c>.</param>
/// <param name="TimeZone">IANA zone, e.g. <c>Europe/Paris</c>.</param>
/// <param name="Phones">International numbers starting with +.</param>
public sealed record AuthorityInput(
    string? Kind,
    string? Name,
    string? Address,
    IReadOnlyList<string>? Phones,
    string? Email,
    IReadOnlyList<string>? Languages,
    string? OfficeHours,
    string? TimeZone,
    string? PreferredChannel,
    bool AroundTheClock,
    bool AddressPublic,
    bool EmailPublic,
    bool PhonesPublic,
    int? ExpectedVersion);

public sealed record OfficeSlotView(string Day, string Opens, string Closes);

/// <summary>Which fields the public may see; shown to the State itself only.</summary>
public sealed record VisibilityView(bool AddressPublic, bool EmailPublic, bool PhonesPublic);

/// <summary>An authority as the viewer may see it: hidden fields are null, never empty, so that "hidden" and "none" differ.</summary>
public sealed record AuthorityView(
    Guid Id,
    string State,
    string Kind,
    string Name,
    string? Address,
    IReadOnlyList<string>? Phones,
    string? Email,
    IReadOnlyList<string> Languages,
    string OfficeHours,
    IReadOnlyList<OfficeSlotView> OfficeSlots,
    string TimeZone,
    string? PreferredChannel,
    bool AroundTheClock,
    bool InOfficeNow,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastVerifiedAt,
    bool Unanswered,
    VisibilityView? Visibility,
    int? Version);

public sealed record DeclarationsView(
    bool RequiresDualCriminalityForPreservation,
    bool RequiresDualCriminality,
    IReadOnlyList<string> PoliticalOffenceTerms,
    IReadOnlyList<string> AcceptedLanguages,
    bool AcceptsUrgentRequestsOrally,
    bool AcceptsUrgentRequestsByEmail,
    IReadOnlyList<string> CriminalisedOptionalCategories,
    int EmergencyAcknowledgementHours);

/// <summary>When the profile is due for review; shown to the State and the secretariat.</summary>
public sealed record ReviewView(DateTimeOffset? LastUpdated, DateTimeOffset? DueOn, bool Overdue);

public sealed record ProfileView(
    string State,
    string Name,
    bool Recorded,
    string Status,
    DateOnly? SignedOn,
    DateOnly? RatifiedOn,
    DeclarationsView Declarations,
    string? Notes,
    int Version,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<AuthorityView> Authorities,
    ReviewView? Review,
    int? OpenFlags);

/// <summary>What a version keeps: the profile and its authorities exactly as they stood.</summary>
public sealed record ProfileSnapshot(
    string Status,
    DateOnly? SignedOn,
    DateOnly? RatifiedOn,
    DeclarationsView Declarations,
    string? Notes,
    IReadOnlyList<AuthoritySnapshot> Authorities);

public sealed record AuthoritySnapshot(
    Guid Id, string Kind, string Name, string? Address, IReadOnlyList<string> Phones, string? Email,
    IReadOnlyList<string> Languages, string OfficeHours, string TimeZone, string PreferredChannel,
    bool AroundTheClock, bool AddressPublic, bool EmailPublic, bool PhonesPublic);

public sealed record VersionSummary(int Number, DateTimeOffset At, string By, string Change);

public sealed record VersionView(int Number, DateTimeOffset At, string By, string Change, ProfileSnapshot Profile);

public static class Views
{
    private static readonly string[] AuthorityRoles =
        [Roles.StateAdministrator, Roles.CentralAuthority, Roles.PointOfContact, Roles.Investigator];

    /// <summary>
    /// The State itself sees everything; the secretariat and other States' authorities see what
    /// cooperation needs; delegates, donors and the public see the public fields.
    /// </summary>
    public static Audience AudienceOf(Actor actor, string state) =>
        actor.BelongsTo(state) ? Audience.Owner
        : actor.IsSecretariat || (actor.StateCode is not null && actor.HasAny(AuthorityRoles)) ? Audience.Authorities
        : Audience.Public;

    public static string StatusCode(ConventionStatus s) => s switch
    {
        ConventionStatus.Signatory => "signatory",
        ConventionStatus.Party => "party",
        _ => "none",
    };

    public static ConventionStatus? ParseStatus(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => ConventionStatus.None,
        "signatory" => ConventionStatus.Signatory,
        "party" => ConventionStatus.Party,
        _ => null,
    };

    public static DeclarationsView Of(Declarations d) => new(d.RequiresDualCriminalityForPreservation, d.RequiresDualCriminality,
        d.PoliticalOffenceTerms, d.AcceptedLanguages, d.AcceptsUrgentRequestsOrally, d.AcceptsUrgentRequestsByEmail,
        d.CriminalisedOptionalCategories, d.EmergencyAcknowledgementHours);

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static AuthorityView Of(AuthorityRecord a, Audience audience, DateTimeOffset now)
    {
        var d = a.ToDetails();
        var owner = audience == Audience.Owner;
        return new AuthorityView(a.Id, a.State, a.Kind, a.Name,
            d.ShowsAddressTo(audience) ? a.Address : null,
            d.ShowsPhonesTo(audience) ? d.Phones : null,
            d.ShowsEmailTo(audience) ? a.Email : null,
            d.Languages, a.OfficeHours,
            [.. d.OfficeHours.Slots.Select(s => new OfficeSlotView(DayNames[(int)s.Day], s.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))],
            a.TimeZone,
            audience == Audience.Public ? null : a.PreferredChannel,
            a.AroundTheClock, d.IsInOfficeAt(now), a.UpdatedAt, a.LastVerifiedAt,
            audience == Audience.Public ? false : a.IsUnansweredAt(now),
            owner ? new VisibilityView(a.AddressPublic, a.EmailPublic, a.PhonesPublic) : null,
            owner ? a.Version : null);
    }

    public static AuthoritySnapshot Snapshot(AuthorityRecord a) => new(a.Id, a.Kind, a.Name, a.Address, Lists.SplitLines(a.Phones), a.Email,
        Lists.Split(a.Languages), a.OfficeHours, a.TimeZone, a.PreferredChannel, a.AroundTheClock, a.AddressPublic, a.EmailPublic, a.PhonesPublic);

    public static int KindOrder(string kind) => kind switch
    {
        AuthorityKinds.CentralAuthority => 0,
        AuthorityKinds.PointOfContact => 1,
        AuthorityKinds.ExtraditionAuthority => 2,
        _ => 3,
    };
}
