using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.Domain.Network;

/// <summary>A State's standing toward the UN Convention against Cybercrime.</summary>
public enum ConventionStatus
{
    None,
    Signatory,
    Party,
}

/// <summary>
/// Declarations and reservations, as structured choices that other modules act on (the request
/// forms, the dual-criminality check, the refusal grounds), rather than prose only a reader sees.
/// </summary>
public sealed record Declarations(
    bool RequiresDualCriminalityForPreservation,
    bool RequiresDualCriminality,
    IReadOnlyList<string> PoliticalOffenceTerms,
    IReadOnlyList<string> AcceptedLanguages,
    bool AcceptsUrgentRequestsOrally,
    bool AcceptsUrgentRequestsByEmail,
    IReadOnlyList<string> CriminalisedOptionalCategories,
    int EmergencyAcknowledgementHours)
{
    public const int DefaultEmergencyAcknowledgementHours = 8;

    /// <summary>
    /// The optional categories the State declares it does not criminalise: the only basis on which the
    /// platform answers "not criminalised" (a silence of the recorded laws is "unknown").
    /// </summary>
    public IReadOnlyList<string> NotCriminalisedOptionalCategories { get; init; } = [];

    /// <summary>What a State that has not yet filled its profile is taken to have declared.</summary>
    public static Declarations Default { get; } = new(
        RequiresDualCriminalityForPreservation: false,
        RequiresDualCriminality: false,
        PoliticalOffenceTerms: [],
        AcceptedLanguages: [Common.Languages.English, Common.Languages.French, Common.Languages.Spanish],
        AcceptsUrgentRequestsOrally: false,
        AcceptsUrgentRequestsByEmail: false,
        CriminalisedOptionalCategories: [],
        EmergencyAcknowledgementHours: DefaultEmergencyAcknowledgementHours);
}

/// <summary>The profile a State keeps on the platform: status, declarations and notes.</summary>
public sealed record ProfileDetails(
    ConventionStatus Status,
    DateOnly? SignedOn,
    DateOnly? RatifiedOn,
    Declarations Declarations,
    string? Notes)
{
    public static ProfileDetails Default { get; } = new(ConventionStatus.None, null, null, Declarations.Default, null);

    /// <summary>Checks the profile against the Convention's rules and returns every problem found.</summary>
    /// <param name="today">Dates in the future cannot be recorded as already past.</param>
    public IReadOnlyList<DomainError> Validate(DateOnly today)
    {
        var errors = new List<DomainError>();
        if (Status is ConventionStatus.Signatory or ConventionStatus.Party && SignedOn is null)
            errors.Add(DomainError.Required("signedOn", "64"));
        if (Status == ConventionStatus.Party && RatifiedOn is null)
            errors.Add(DomainError.Required("ratifiedOn", "64"));
        if (Status != ConventionStatus.Party && RatifiedOn is not null)
            errors.Add(new DomainError("ratified-not-party", "ratifiedOn"));
        if (Status == ConventionStatus.None && SignedOn is not null)
            errors.Add(new DomainError("signed-not-signatory", "signedOn"));
        if (SignedOn > today) errors.Add(new DomainError("date-in-future", "signedOn"));
        if (RatifiedOn > today) errors.Add(new DomainError("date-in-future", "ratifiedOn"));
        if (SignedOn is { } s && RatifiedOn is { } r && r < s) errors.Add(new DomainError("ratified-before-signed", "ratifiedOn"));

        var d = Declarations;
        if (d.AcceptedLanguages.Count == 0) errors.Add(DomainError.Required("acceptedLanguages", "40"));
        if (d.AcceptedLanguages.Any(l => !LanguageCodes.IsPlausible(l))) errors.Add(new DomainError("language-code", "acceptedLanguages"));
        if (d.EmergencyAcknowledgementHours is < 1 or > 72) errors.Add(new DomainError("acknowledgement-hours-range",
            "emergencyAcknowledgementHours"));
        if (d.PoliticalOffenceTerms.Intersect(OffenceTerms.Core).Any())
            errors.Add(new DomainError("core-offence-political", "politicalOffenceTerms"));
        if (d.PoliticalOffenceTerms.Any(t => !OffenceCategories.IsKnown(t)))
            errors.Add(new DomainError("unknown-offence-term", "politicalOffenceTerms"));
        if (d.CriminalisedOptionalCategories.Any(t => !OffenceCategories.Optional.Contains(t)))
            errors.Add(new DomainError("unknown-offence-term", "criminalisedOptionalCategories"));
        if (d.NotCriminalisedOptionalCategories.Any(t => !OffenceCategories.Optional.Contains(t)))
            errors.Add(new DomainError("unknown-offence-term", "notCriminalisedOptionalCategories"));
        if (d.NotCriminalisedOptionalCategories.Intersect(d.CriminalisedOptionalCategories).Any())
            errors.Add(new DomainError("declared-both-ways", "notCriminalisedOptionalCategories"));
        TextRules.Check(Notes, "notes", 8000, errors, multiline: true);
        return errors;
    }
}
