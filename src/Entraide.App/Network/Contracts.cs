namespace Entraide.App.Network;

/// <summary>
/// What other modules (Cooperation above all) read of a State's profile and authorities. The
/// Network module implements it from the profiles States keep; other modules never read its tables.
/// </summary>
public interface IStateProfiles
{
    /// <summary>The State's cooperation settings and its contacts, as in force now.</summary>
    Task<CooperationProfile> GetCooperationProfileAsync(string state, CancellationToken ct);

    /// <summary>
    /// The offence categories the State declares it criminalises, as in force now. Public register data
    /// (Art. 41): only the declaration, nothing of the State's contacts, so a public page may show it.
    /// </summary>
    Task<DeclaredCriminalisation> GetDeclaredCriminalisationAsync(string state, CancellationToken ct);
}

/// <summary>The optional offence categories a State declares criminalised in its profile.</summary>
/// <param name="State">ISO 3166 alpha-3 code.</param>
/// <param name="OptionalCategories">Codes of <see cref="Entraide.Domain.Network.OffenceCategories"/>; empty when nothing is declared.</param>
/// <param name="ProfileVersion">The profile version that says so; null when the State has not filled its profile.</param>
/// <param name="DeclaredAt">When that version was saved.</param>
public sealed record DeclaredCriminalisation(string State, IReadOnlyList<string> OptionalCategories, int? ProfileVersion, DateTimeOffset? DeclaredAt)
{
    /// <summary>The optional categories the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> NotCriminalisedCategories { get; init; } = [];
}

/// <summary>A State's declared choices that shape requests addressed to it.</summary>
/// <param name="State">ISO 3166 alpha-3 code.</param>
/// <param name="AcceptedLanguages">Languages (ISO 639-1) in which the State accepts requests.</param>
/// <param name="RequiresDualCriminalityForPreservation">Reservation under Art. 42: preservation only where the conduct is criminal in both
/// States.</param>
/// <param name="RequiresDualCriminality">Dual criminality required for mutual legal assistance generally.</param>
/// <param name="AcceptsUrgentRequestsOrally">Urgent requests may be made orally or by e-mail, then confirmed in writing (Art. 40).</param>
/// <param name="PoliticalOffenceTerms">Taxonomy terms the State treats as political offences (a refusal ground).</param>
/// <param name="EmergencyAcknowledgementTime">Time within which an emergency request must be acknowledged (default 8 hours).</param>
/// <param name="TimeZone">IANA time zone of the central authority.</param>
/// <param name="CentralAuthorities">Central authorities for mutual legal assistance.</param>
/// <param name="PointsOfContact">24/7 points of contact, the first being the primary.</param>
public sealed record CooperationProfile(
    string State,
    IReadOnlyList<string> AcceptedLanguages,
    bool RequiresDualCriminalityForPreservation,
    bool RequiresDualCriminality,
    bool AcceptsUrgentRequestsOrally,
    IReadOnlySet<string> PoliticalOffenceTerms,
    TimeSpan EmergencyAcknowledgementTime,
    string TimeZone,
    IReadOnlyList<ContactPoint> CentralAuthorities,
    IReadOnlyList<ContactPoint> PointsOfContact)
{
    public static readonly TimeSpan DefaultEmergencyAcknowledgement = TimeSpan.FromHours(8);
}

/// <summary>An authority or point of contact, with what routing and clocks need.</summary>
/// <param name="OfficeHours">Weekly office hours in the contact's time zone; empty when staffed around the clock.</param>
/// <param name="Languages">Languages the contact works in (ISO 639-1), as in the register.</param>
public sealed record ContactPoint(
    Guid Id,
    string Kind,
    string Name,
    string? Email,
    string TimeZone,
    bool AroundTheClock,
    IReadOnlyList<OfficeHours> OfficeHours,
    IReadOnlyList<string>? Languages = null);

public sealed record OfficeHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
