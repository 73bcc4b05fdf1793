using Entraide.Domain.Common;

namespace Entraide.Domain.Network;

/// <summary>The details of an authority as a State keeps them.</summary>
public sealed record AuthorityDetails(
    string Kind,
    string Name,
    string? Address,
    IReadOnlyList<string> Phones,
    string? Email,
    IReadOnlyList<string> Languages,
    OfficeSchedule OfficeHours,
    string TimeZone,
    string PreferredChannel,
    bool AroundTheClock,
    bool AddressPublic,
    bool EmailPublic,
    bool PhonesPublic)
{
    /// <summary>
    /// Checks the details and returns every problem found. A 24/7 point's phone is never public: the
    /// line exists for authorities, and publishing it would invite abuse of the one channel that must
    /// stay free around the clock.
    /// </summary>
    public IReadOnlyList<DomainError> Validate()
    {
        var errors = new List<DomainError>();
        if (!AuthorityKinds.IsKnown(Kind)) errors.Add(new DomainError("unknown-authority-kind", "kind"));
        TextRules.Check(Name, "name", 300, errors, required: true);
        TextRules.Check(Address, "address", 1000, errors, multiline: true);
        if (Phones.Count > 10) errors.Add(new DomainError("too-many", "phones"));
        foreach (var p in Phones)
        {
            if (!PhoneNumbers.IsPlausible(p)) { errors.Add(new DomainError("phone-format", "phones")); break; }
        }
        if (TextRules.HasForbidden(Email)) errors.Add(new DomainError(TextRules.ControlCharacterCode, "email"));
        else if (Email is not null && !EmailAddresses.IsPlausible(Email)) errors.Add(new DomainError("email-format", "email"));
        foreach (var l in Languages)
        {
            if (!LanguageCodes.IsPlausible(l)) { errors.Add(new DomainError("language-code", "languages")); break; }
        }
        if (TimeZones.Find(TimeZone) is null) errors.Add(new DomainError("unknown-time-zone", "timeZone"));
        if (!ReplyChannels.All.Contains(PreferredChannel)) errors.Add(new DomainError("unknown-channel", "preferredChannel"));
        if (Kind == AuthorityKinds.PointOfContact)
        {
            if (PhonesPublic) errors.Add(new DomainError("poc-phone-public", "phonesPublic", "41"));
            if (Phones.Count == 0) errors.Add(DomainError.Required("phones", "41"));
            if (!AroundTheClock && OfficeHours.Slots.Count == 0) errors.Add(new DomainError("poc-unreachable", "officeHours", "41"));
        }
        if (PreferredChannel == ReplyChannels.Email && Email is null) errors.Add(DomainError.Required("email"));
        if (PreferredChannel == ReplyChannels.Phone && Phones.Count == 0) errors.Add(DomainError.Required("phones"));
        return errors;
    }

    /// <summary>True when the authority can be reached at <paramref name="instant"/>.</summary>
    public bool IsInOfficeAt(DateTimeOffset instant) =>
        AroundTheClock || (TimeZones.Find(TimeZone) is { } zone && OfficeHours.IsOpenAt(instant, zone));

    public bool ShowsAddressTo(Audience audience) => audience != Audience.Public || AddressPublic;
    public bool ShowsEmailTo(Audience audience) => audience != Audience.Public || EmailPublic;

    /// <summary>Phones of a 24/7 point stay hidden from the public even if a stored flag said otherwise.</summary>
    public bool ShowsPhonesTo(Audience audience) =>
        audience != Audience.Public || (PhonesPublic && Kind != AuthorityKinds.PointOfContact);
}

internal static class PhoneNumbers
{
    // International form: a plus, then digits with optional spaces, dashes, dots or brackets.
    public static bool IsPlausible(string phone)
    {
        if (phone.Length is < 6 or > 40 || phone[0] != '+') return false;
        var digits = 0;
        foreach (var c in phone.AsSpan(1))
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not (' ' or '-' or '.' or '(' or ')')) return false;
        }
        return digits is >= 5 and <= 17;
    }
}

internal static class EmailAddresses
{
    public static bool IsPlausible(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length <= 254 && at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }
}

internal static class LanguageCodes
{
    // ISO 639-1: two lower-case letters. States accept requests in languages beyond the UN six.
    public static bool IsPlausible(string code) => code.Length == 2 && code.All(char.IsAsciiLetterLower);
}
