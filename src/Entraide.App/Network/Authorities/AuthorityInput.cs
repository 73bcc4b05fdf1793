using Entraide.Domain.Common;
using Entraide.Domain.Network;

namespace Entraide.App.Network.Authorities;

/// <summary>An authority as sent by a State's administrators, to designate it or to change it.</summary>
/// <param name="OfficeHours">Weekly hours in the authority's zone, e.g. <c>mon-fri 09:00-17:30; sat 09:00-12:00</c>.</param>
/// <param name="TimeZone">IANA zone, e.g. <c>Europe/Paris</c>.</param>
/// <param name="Phones">International numbers starting with +.</param>
/// <param name="ExpectedVersion">The version a change was made from; a different current version answers 409.</param>
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
    int? ExpectedVersion)
{
    /// <summary>The details the input describes, collecting every problem rather than stopping at the first (422).</summary>
    public AuthorityDetails ToDetails()
    {
        var errors = new List<DomainError>();
        var schedule = OfficeSchedule.Empty;
        try
        {
            schedule = OfficeSchedule.Parse(OfficeHours);
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
        }
        var details = new AuthorityDetails(
            Kind?.Trim() ?? "",
            Name?.Trim() ?? "",
            string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(),
            Clean(Phones),
            string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
            [.. Clean(Languages).Select(l => l.ToLowerInvariant())],
            schedule,
            TimeZone?.Trim() ?? "",
            string.IsNullOrWhiteSpace(PreferredChannel) ? ReplyChannels.Platform : PreferredChannel.Trim(),
            AroundTheClock, AddressPublic, EmailPublic, PhonesPublic);
        errors.AddRange(details.Validate());
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return details;
    }

    /// <summary>The non-blank items of a list, trimmed, each once.</summary>
    internal static IReadOnlyList<string> Clean(IReadOnlyList<string?>? items) =>
        items is null ? [] : [.. items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).Distinct(StringComparer.Ordinal)];
}
