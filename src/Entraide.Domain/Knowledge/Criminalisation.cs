namespace Entraide.Domain.Knowledge;

/// <summary>A provision in force that covers a term, as evidence: who, how it is cited, how it is punished.</summary>
public sealed record Evidence(Guid ProvisionId, string State, string Citation, string Term, PenaltyRange Penalty);

/// <summary>Whether a State's conduct is covered for one term, and by which provisions.</summary>
public enum Coverage
{
    /// <summary>At least one provision in force is tagged with the term.</summary>
    Covered,
    /// <summary>The State's legislation is recorded, and none of it covers the term.</summary>
    NotCovered,
    /// <summary>Nothing of the State's legislation is recorded: absence proves nothing.</summary>
    Unknown,
}

/// <summary>
/// What a State's recorded legislation says on a date: the terms its provisions in force cover.
/// A State with no recorded legislation is unknown on every term, never "not criminal".
/// </summary>
public sealed class CriminalisationProfile
{
    private readonly Dictionary<string, List<Evidence>> _byTerm;

    public CriminalisationProfile(string state, DateOnly on, bool legislationRecorded, IEnumerable<Evidence> evidence)
    {
        State = state;
        On = on;
        LegislationRecorded = legislationRecorded;
        _byTerm = evidence.GroupBy(e => e.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public string State { get; }
    public DateOnly On { get; }
    public bool LegislationRecorded { get; }

    public Coverage CoverageOf(string term) =>
        _byTerm.ContainsKey(term) ? Coverage.Covered : LegislationRecorded ? Coverage.NotCovered : Coverage.Unknown;

    public IReadOnlyList<Evidence> EvidenceFor(string term) =>
        _byTerm.TryGetValue(term, out var l) ? l : [];

    /// <summary>The heaviest maximum among the provisions covering the term, where any gives one.</summary>
    public int? MaxPenaltyMonths(string term) =>
        EvidenceFor(term).Select(e => e.Penalty.MaxMonths).Where(m => m is not null).Max();
}

/// <summary>The answer for one term or for the conduct as a whole (mirrors the App contract's outcome).</summary>
public enum DualOutcome
{
    CriminalInBoth,
    OnlyInRequestingState,
    OnlyInRequestedState,
    InNeither,
    Unknown,
}

public sealed record TermJudgement(string Term, DualOutcome Outcome, Coverage Requesting, Coverage Requested,
    IReadOnlyList<Evidence> RequestingEvidence, IReadOnlyList<Evidence> RequestedEvidence, bool? SeriousInBoth);

public sealed record DualJudgement(DualOutcome Outcome, IReadOnlyList<TermJudgement> Terms, bool? SeriousInBoth);

/// <summary>
/// Dual criminality (Art. 35): satisfied when the conduct is a crime in both States, whatever each
/// calls it, so it is judged term by term on the taxonomy of conduct. The described conduct is a
/// crime in a State when any of its terms is covered there; it is not when every term is known to be
/// uncovered; otherwise it is unknown.
/// </summary>
public static class DualCriminality
{
    public static DualJudgement Judge(IReadOnlyList<string> terms, CriminalisationProfile requesting, CriminalisationProfile requested)
    {
        var judgements = terms.Distinct(StringComparer.Ordinal).Select(t =>
        {
            var a = requesting.CoverageOf(t);
            var b = requested.CoverageOf(t);
            return new TermJudgement(t, Combine(a, b), a, b, requesting.EvidenceFor(t), requested.EvidenceFor(t),
                Serious(requesting.MaxPenaltyMonths(t), requested.MaxPenaltyMonths(t)));
        }).ToList();

        var overallA = Overall(judgements.Select(j => j.Requesting));
        var overallB = Overall(judgements.Select(j => j.Requested));
        var outcome = judgements.Count == 0 ? DualOutcome.Unknown : Combine(overallA, overallB);
        var seriousA = Heaviest(judgements.SelectMany(j => j.RequestingEvidence));
        var seriousB = Heaviest(judgements.SelectMany(j => j.RequestedEvidence));
        return new DualJudgement(outcome, judgements, outcome == DualOutcome.CriminalInBoth ? Serious(seriousA, seriousB) : null);
    }

    private static Coverage Overall(IEnumerable<Coverage> coverages)
    {
        var list = coverages.ToList();
        if (list.Contains(Coverage.Covered)) return Coverage.Covered;
        if (list.Count > 0 && list.All(c => c == Coverage.NotCovered)) return Coverage.NotCovered;
        return Coverage.Unknown;
    }

    public static DualOutcome Combine(Coverage requesting, Coverage requested) => (requesting, requested) switch
    {
        (Coverage.Covered, Coverage.Covered) => DualOutcome.CriminalInBoth,
        (Coverage.Covered, Coverage.NotCovered) => DualOutcome.OnlyInRequestingState,
        (Coverage.NotCovered, Coverage.Covered) => DualOutcome.OnlyInRequestedState,
        (Coverage.NotCovered, Coverage.NotCovered) => DualOutcome.InNeither,
        _ => DualOutcome.Unknown,
    };

    private static int? Heaviest(IEnumerable<Evidence> evidence) => evidence.Select(e => e.Penalty.MaxMonths).Where(m => m is not null).Max();

    /// <summary>Serious in both when both maxima reach four years; false when one is known to fall short; else unknown.</summary>
    private static bool? Serious(int? a, int? b)
    {
        if (a is < PenaltyRange.SeriousThresholdMonths || b is < PenaltyRange.SeriousThresholdMonths) return false;
        if (a is null || b is null) return null;
        return true;
    }
}

public sealed record GapLine(TaxonomyTerm Term, Coverage Coverage, IReadOnlyList<Evidence> Evidence, bool PenaltyMissing);

public sealed record GapChapter(TermKind Kind, IReadOnlyList<GapLine> Lines)
{
    public int Covered => Lines.Count(l => l.Coverage == Coverage.Covered);
    public int Total => Lines.Count;
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Covered / Total);
}

public sealed record GapAnalysis(string State, DateOnly On, string TaxonomyVersion, bool LegislationRecorded, IReadOnlyList<GapChapter> Chapters);

/// <summary>
/// A State's coverage of the Convention's criminalisation chapter (core offences), its procedural
/// chapter, and the optional categories, with the offences whose provisions state no penalty
/// (so the serious-crime threshold cannot be judged).
/// </summary>
public static class Gaps
{
    public static GapAnalysis Analyse(OffenceTaxonomy taxonomy, CriminalisationProfile profile) =>
        new(profile.State, profile.On, taxonomy.Version, profile.LegislationRecorded,
        [
            .. new[] { TermKind.Core, TermKind.Procedural, TermKind.Optional }.Select(kind => new GapChapter(kind,
                [.. taxonomy.OfKind(kind).Select(t =>
                {
                    var evidence = profile.EvidenceFor(t.Code);
                    var penaltyMissing = kind != TermKind.Procedural && evidence.Count > 0 && evidence.All(e => e.Penalty.MaxMonths is null);
                    return new GapLine(t, profile.CoverageOf(t.Code), evidence, penaltyMissing);
                })])),
        ]);
}
