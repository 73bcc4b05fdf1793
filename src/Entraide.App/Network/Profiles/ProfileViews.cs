using System.Globalization;
using Entraide.App.Network.Authorities;
using Entraide.Domain.Network;

namespace Entraide.App.Network.Profiles;

public sealed record DeclarationsView(
    bool RequiresDualCriminalityForPreservation,
    bool RequiresDualCriminality,
    IReadOnlyList<string> PoliticalOffenceTerms,
    IReadOnlyList<string> AcceptedLanguages,
    bool AcceptsUrgentRequestsOrally,
    bool AcceptsUrgentRequestsByEmail,
    IReadOnlyList<string> CriminalisedOptionalCategories,
    int EmergencyAcknowledgementHours)
{
    /// <summary>The optional categories the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> NotCriminalisedOptionalCategories { get; init; } = [];
}

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

public sealed record VersionSummary(int Number, DateTimeOffset At, string By, string Change);

public sealed record VersionView(int Number, DateTimeOffset At, string By, string Change, ProfileSnapshot Profile);

public sealed record FlagView(Guid Id, string Note, DateTimeOffset RaisedAt, string RaisedBy, DateTimeOffset? ResolvedAt, string? ResolvedBy,
    string? Resolution);

/// <summary>A reminder computed from the clock: a profile due for review, a point that did not answer.</summary>
/// <param name="Code"><c>profile-review-due</c> or <c>point-unanswered</c>.</param>
public sealed record ReminderView(string Code, DateTimeOffset? Since, Guid? AuthorityId, string? AuthorityName);

public sealed record FlagsView(string State, IReadOnlyList<ReminderView> Reminders, IReadOnlyList<FlagView> Flags);

/// <summary>How the Network aggregates are shown: the views above, made from the domain's records.</summary>
public static class Views
{
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
        d.CriminalisedOptionalCategories, d.EmergencyAcknowledgementHours)
    {
        NotCriminalisedOptionalCategories = d.NotCriminalisedOptionalCategories,
    };

    public static ReviewView Review(StateProfile? profile, DateTimeOffset now)
    {
        var (last, due, overdue) = StateProfile.ReviewOf(profile, now);
        return new ReviewView(last, due, overdue);
    }

    public static FlagView Of(ProfileFlag f) => new(f.Id, f.Note, f.RaisedAt, f.RaisedBy, f.ResolvedAt, f.ResolvedBy, f.Resolution);

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static AuthorityView Of(Authority a, Audience audience, DateTimeOffset now)
    {
        var d = a.Details;
        var owner = audience == Audience.Owner;
        return new AuthorityView(a.Id, a.State, a.Kind, a.Name,
            d.ShowsAddressTo(audience) ? a.Address : null,
            d.ShowsPhonesTo(audience) ? d.Phones : null,
            d.ShowsEmailTo(audience) ? a.Email : null,
            d.Languages, a.OfficeHours,
            [.. d.OfficeHours.Slots.Select(s => new OfficeSlotView(DayNames[(int)s.Day], Time(s.Opens), Time(s.Closes)))],
            a.TimeZone,
            audience == Audience.Public ? null : a.PreferredChannel,
            a.AroundTheClock, d.IsInOfficeAt(now), a.UpdatedAt, a.LastVerifiedAt,
            audience != Audience.Public && a.IsUnansweredAt(now),
            owner ? new VisibilityView(a.AddressPublic, a.EmailPublic, a.PhonesPublic) : null,
            owner ? a.Version : null);
    }

    public static AuthoritySnapshot Snapshot(Authority a) => new(a.Id, a.Kind, a.Name, a.Address, a.PhoneList, a.Email,
        a.LanguageList, a.OfficeHours, a.TimeZone, a.PreferredChannel, a.AroundTheClock, a.AddressPublic, a.EmailPublic, a.PhonesPublic);

    public static int KindOrder(string kind) => kind switch
    {
        AuthorityKinds.CentralAuthority => 0,
        AuthorityKinds.PointOfContact => 1,
        AuthorityKinds.ExtraditionAuthority => 2,
        _ => 3,
    };

    /// <summary>Authorities in the order the register and the profile list them.</summary>
    public static IEnumerable<Authority> Ordered(IEnumerable<Authority> authorities) =>
        authorities.OrderBy(a => KindOrder(a.Kind)).ThenBy(a => a.Id);
}
