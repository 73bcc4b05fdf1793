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
    CriminalInBoth,
    OnlyInRequestingState,
    OnlyInRequestedState,
    InNeither,
    Unknown,
}

public sealed record DualCriminalityAnswer(DualCriminalityOutcome Outcome, IReadOnlyList<TermAnswer> Terms)
{
    /// <summary>When criminal in both: whether the heaviest maximum on each side reaches four years (48 months); null when a side states no penalty.</summary>
    public bool? SeriousCrimeInBoth { get; init; }

    /// <summary>The date the laws were read at.</summary>
    public DateOnly? On { get; init; }
}

public sealed record TermAnswer(
    string Term,
    DualCriminalityOutcome Outcome,
    IReadOnlyList<ProvisionCitation> RequestingState,
    IReadOnlyList<ProvisionCitation> RequestedState);

/// <param name="Citation">How the provision is cited, e.g. "Code pénal, art. 323-1".</param>
/// <param name="MaxPenaltyMonths">Maximum penalty of imprisonment, in months, where known ("serious crime" is ≥ 48).</param>
public sealed record ProvisionCitation(Guid ProvisionId, string State, string Citation, int? MaxPenaltyMonths);
