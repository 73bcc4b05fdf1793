namespace Entraide.App.Knowledge;

/// <summary>
/// Is the described conduct a crime in both States? Judged on taxonomy terms of conduct (Art. 35), not
/// on offence names, citing the provisions on each side. The Knowledge module implements it; the
/// Cooperation drafting assistant shows its answer beside the form.
/// </summary>
public interface IDualCriminality
{
    Task<DualCriminalityAnswer> CheckAsync(DualCriminalityQuestion question, CancellationToken ct);
}

public sealed record DualCriminalityQuestion(
    IReadOnlyList<string> ConductTerms,
    string RequestingState,
    string RequestedState,
    DateOnly? On = null);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DualCriminalityOutcome>))]
public enum DualCriminalityOutcome
{
    /// <summary>Criminal in both States (every conduct, for the headline).</summary>
    CriminalInBoth,
    /// <summary>Criminal in the requesting State; the requested State declares it does not criminalise it.</summary>
    OnlyInRequestingState,
    OnlyInRequestedState,
    /// <summary>A State declares it does not criminalise the conduct, and the other is not shown to.</summary>
    DeclaredNotCriminalised,
    /// <summary>Headline only: conducts refused in different ways (see each conduct).</summary>
    NotInBoth,
    /// <summary>A side has no provision recorded for the conduct, or nothing recorded; no State refuses it.</summary>
    Unknown,
}

/// <param name="Outcome">The headline: criminal in both only when every conduct is; a refusal when a State declares any conduct not
/// criminalised; otherwise unknown.</param>
/// <param name="Terms">One verdict per conduct (taxonomy term).</param>
public sealed record DualCriminalityAnswer(DualCriminalityOutcome Outcome, IReadOnlyList<TermAnswer> Terms)
{
    /// <summary>When criminal in both: whether the heaviest maximum on each side reaches four years (48 months); null when a side states no
    /// penalty.</summary>
    public bool? SeriousCrimeInBoth { get; init; }

    /// <summary>The requesting State's provision giving the heaviest maximum across the conducts (what the penalty line cites), or null.</summary>
    public ProvisionCitation? RequestingPenalty { get; init; }

    public ProvisionCitation? RequestedPenalty { get; init; }

    /// <summary>The date the laws were read at.</summary>
    public DateOnly? On { get; init; }

    /// <summary>The conduct's coverage in the requesting State (<see cref="CoverageNames"/>): "declared" when it is criminal there on the
    /// State's declaration only.</summary>
    public string RequestingCoverage { get; init; } = CoverageNames.Unknown;

    /// <summary>The conduct's coverage in the requested State (<see cref="CoverageNames"/>).</summary>
    public string RequestedCoverage { get; init; } = CoverageNames.Unknown;
}

/// <summary>
/// On what a side's answer rests: <c>covered</c> (provisions in force, cited), <c>declared</c> (the
/// State declares the category criminalised in its register profile; no provision, no penalty),
/// <c>declared-not-criminalised</c> (the State declares it does not criminalise it),
/// <c>no-provision-recorded</c> (legislation recorded, no provision recorded covers it: unknown, not
/// "not criminal") or <c>unknown</c> (nothing recorded).
/// </summary>
public static class CoverageNames
{
    public const string Covered = "covered";
    public const string Declared = "declared";
    public const string DeclaredNotCriminalised = "declared-not-criminalised";
    public const string NoProvisionRecorded = "no-provision-recorded";
    public const string Unknown = "unknown";
}

public sealed record TermAnswer(
    string Term,
    DualCriminalityOutcome Outcome,
    IReadOnlyList<ProvisionCitation> RequestingState,
    IReadOnlyList<ProvisionCitation> RequestedState)
{
    /// <summary>The term's coverage in the requesting State (<see cref="CoverageNames"/>).</summary>
    public string RequestingCoverage { get; init; } = CoverageNames.Unknown;

    public string RequestedCoverage { get; init; } = CoverageNames.Unknown;

    /// <summary>When the requesting State's side rests on its declaration: the declaration cited as the basis.</summary>
    public DeclarationCitation? RequestingDeclaration { get; init; }

    public DeclarationCitation? RequestedDeclaration { get; init; }

    /// <summary>When criminal in both: whether each side's heaviest maximum for this conduct reaches four years; else null.</summary>
    public bool? SeriousCrimeInBoth { get; init; }

    /// <summary>The requesting State's provision giving the heaviest maximum for this conduct, or null when none states one.</summary>
    public ProvisionCitation? RequestingPenalty { get; init; }

    public ProvisionCitation? RequestedPenalty { get; init; }
}

/// <summary>A State's declaration in the register cited as the basis of an answer, where no provision is recorded.</summary>
/// <param name="Categories">The declared categories (register codes) standing for the term.</param>
/// <param name="ProfileVersion">The version of the State's profile that holds the declaration.</param>
/// <param name="Criminalised">True for a declaration that the State criminalises the categories, false for one that it does not.</param>
public sealed record DeclarationCitation(string State, IReadOnlyList<string> Categories, int? ProfileVersion, DateTimeOffset? DeclaredAt,
    bool Criminalised = true);

/// <param name="Citation">How the provision is cited, e.g. "Code pénal, art. 323-1".</param>
/// <param name="MaxPenaltyMonths">Maximum penalty of imprisonment, in months, where known ("serious crime" is ≥ 48).</param>
public sealed record ProvisionCitation(Guid ProvisionId, string State, string Citation, int? MaxPenaltyMonths);
