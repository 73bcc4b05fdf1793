namespace Entraide.App.Network.Authorities;

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

/// <summary>An authority as a version of the profile keeps it: every field, as it stood.</summary>
public sealed record AuthoritySnapshot(
    Guid Id, string Kind, string Name, string? Address, IReadOnlyList<string> Phones, string? Email,
    IReadOnlyList<string> Languages, string OfficeHours, string TimeZone, string PreferredChannel,
    bool AroundTheClock, bool AddressPublic, bool EmailPublic, bool PhonesPublic);
