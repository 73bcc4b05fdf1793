namespace Entraide.Domain.Knowledge;

/// <summary>A provision in force that covers a term, as evidence: who, how it is cited, how it is punished.</summary>
public sealed record Evidence(Guid ProvisionId, string State, string Citation, string Term, PenaltyRange Penalty);

/// <summary>Whether a State's conduct is covered for one term, and by which provisions.</summary>
public enum Coverage
{
    /// <summary>At least one provision in force is tagged with the term: evidenced by provisions.</summary>
    Covered,
    /// <summary>
    /// No provision in force is tagged with the term, but the State declares the category criminalised
    /// in its register profile: criminal on the State's word, with no provision and no penalty to cite.
    /// </summary>
    Declared,
    /// <summary>The State's legislation is recorded, and none of it covers the term.</summary>
    NotCovered,
    /// <summary>Nothing of the State's legislation is recorded: absence proves nothing.</summary>
    Unknown,
}

/// <summary>
/// What a State declares in its register profile (Network): the optional categories it says it
/// criminalises, and which version of the profile says so (null when the State has no profile yet).
/// </summary>
public sealed record DeclaredProfile(string State, IReadOnlyList<string> Categories, int? ProfileVersion = null, DateTimeOffset? DeclaredAt = null)
{
    public static DeclaredProfile None(string state) => new(state, []);
}

/// <summary>
/// The register's optional categories (<see cref="Network.OffenceCategories"/>, what a State ticks in its
/// profile) read as terms of the taxonomy of conduct. A category maps to the term whose conduct contains
/// it; categories the taxonomy has no term for (false information, gambling, privacy) map to none and
/// are shown apart, never as coverage of a neighbouring term.
/// </summary>
public static class DeclaredCategories
{
    private static readonly Dictionary<string, string> TermOf = new(StringComparer.Ordinal)
    {
        [Network.OffenceCategories.Terrorism] = OptionalTerms.TerroristUse,
        [Network.OffenceCategories.Extremism] = OptionalTerms.IncitementToHatred,
        [Network.OffenceCategories.IncitementToViolence] = OptionalTerms.IncitementToHatred,
        [Network.OffenceCategories.CopyrightInfringement] = OptionalTerms.Copyright,
        [Network.OffenceCategories.IllicitTrafficking] = OptionalTerms.IllicitTrafficking,
    };

    /// <summary>The taxonomy term a declared category stands for, or null when the taxonomy has none.</summary>
    public static string? TermFor(string category) => TermOf.GetValueOrDefault(category);
}

/// <summary>
/// What a State's recorded legislation says on a date — the terms its provisions in force cover — and
/// what it declares in its register profile. A State with neither is unknown on every term, never
/// "not criminal". A provision outranks a declaration: a term both tagged and declared is covered.
/// </summary>
public sealed class CriminalisationProfile
{
    private readonly Dictionary<string, List<Evidence>> _byTerm;
    private readonly Dictionary<string, List<string>> _declaredByTerm;

    public CriminalisationProfile(string state, DateOnly on, bool legislationRecorded, IEnumerable<Evidence> evidence,
        DeclaredProfile? declared = null)
    {
        State = state;
        On = on;
        LegislationRecorded = legislationRecorded;
        _byTerm = evidence.GroupBy(e => e.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Declared = declared ?? DeclaredProfile.None(state);
        var categories = Declared.Categories.Distinct(StringComparer.Ordinal).ToList();
        _declaredByTerm = categories.Where(c => DeclaredCategories.TermFor(c) is not null)
            .GroupBy(c => DeclaredCategories.TermFor(c)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        DeclaredOutsideTaxonomy = [.. categories.Where(c => DeclaredCategories.TermFor(c) is null)];
    }

    public string State { get; }
    public DateOnly On { get; }
    public bool LegislationRecorded { get; }

    /// <summary>The declaration the profile was merged with (empty when none applies).</summary>
    public DeclaredProfile Declared { get; }

    /// <summary>Declared categories the taxonomy has no term for: shown, but they cover no term.</summary>
    public IReadOnlyList<string> DeclaredOutsideTaxonomy { get; }

    public Coverage CoverageOf(string term) =>
        _byTerm.ContainsKey(term) ? Coverage.Covered
        : _declaredByTerm.ContainsKey(term) ? Coverage.Declared
        : LegislationRecorded ? Coverage.NotCovered
        : Coverage.Unknown;

    public IReadOnlyList<Evidence> EvidenceFor(string term) =>
        _byTerm.TryGetValue(term, out var l) ? l : [];

    /// <summary>The declared categories that stand for the term (whether or not a provision also covers it).</summary>
    public IReadOnlyList<string> DeclaredFor(string term) =>
        _declaredByTerm.TryGetValue(term, out var l) ? l : [];

    /// <summary>The heaviest maximum among the provisions covering the term, where any gives one; a declaration gives none.</summary>
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

/// <param name="RequestingDeclared">The requesting State's declared categories standing for the term (its basis when <paramref
/// name="Requesting"/> is <see cref="Coverage.Declared"/>).</param>
public sealed record TermJudgement(string Term, DualOutcome Outcome, Coverage Requesting, Coverage Requested,
    IReadOnlyList<Evidence> RequestingEvidence, IReadOnlyList<Evidence> RequestedEvidence, bool? SeriousInBoth)
{
    public IReadOnlyList<string> RequestingDeclared { get; init; } = [];
    public IReadOnlyList<string> RequestedDeclared { get; init; } = [];
}

/// <param name="Requesting">The conduct's coverage in the requesting State as a whole: covered when a term is evidenced by a provision, else
/// declared when one is declared.</param>
public sealed record DualJudgement(DualOutcome Outcome, IReadOnlyList<TermJudgement> Terms, bool? SeriousInBoth,
    Coverage Requesting = Coverage.Unknown, Coverage Requested = Coverage.Unknown);

/// <summary>
/// Dual criminality (Art. 35): satisfied when the conduct is a crime in both States, whatever each
/// calls it, so it is judged term by term on the taxonomy of conduct. The described conduct is a
/// crime in a State when any of its terms is covered there; it is not when every term is known to be
/// uncovered; otherwise it is unknown. A term the State only declares criminalised counts as criminal
/// there (the State's own word in the register), but it cites no provision and states no penalty, so
/// the serious-crime threshold is never met on a declaration alone (see docs/decisions/knowledge-declared-profile.md).
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
                Serious(requesting.MaxPenaltyMonths(t), requested.MaxPenaltyMonths(t)))
            {
                RequestingDeclared = requesting.DeclaredFor(t),
                RequestedDeclared = requested.DeclaredFor(t),
            };
        }).ToList();

        var overallA = Overall(judgements.Select(j => j.Requesting));
        var overallB = Overall(judgements.Select(j => j.Requested));
        var outcome = judgements.Count == 0 ? DualOutcome.Unknown : Combine(overallA, overallB);
        var seriousA = Heaviest(judgements.SelectMany(j => j.RequestingEvidence));
        var seriousB = Heaviest(judgements.SelectMany(j => j.RequestedEvidence));
        return new DualJudgement(outcome, judgements, outcome == DualOutcome.CriminalInBoth ? Serious(seriousA, seriousB) : null, overallA, overallB);
    }

    /// <summary>A provision anywhere in the conduct outranks a declaration, which outranks a known absence.</summary>
    private static Coverage Overall(IEnumerable<Coverage> coverages)
    {
        var list = coverages.ToList();
        if (list.Contains(Coverage.Covered)) return Coverage.Covered;
        if (list.Contains(Coverage.Declared)) return Coverage.Declared;
        if (list.Count > 0 && list.All(c => c == Coverage.NotCovered)) return Coverage.NotCovered;
        return Coverage.Unknown;
    }

    /// <summary>Criminal on each side where covered or declared; the coverage itself tells which basis each side rests on.</summary>
    public static DualOutcome Combine(Coverage requesting, Coverage requested) => (Criminal(requesting), Criminal(requested)) switch
    {
        (Coverage.Covered, Coverage.Covered) => DualOutcome.CriminalInBoth,
        (Coverage.Covered, Coverage.NotCovered) => DualOutcome.OnlyInRequestingState,
        (Coverage.NotCovered, Coverage.Covered) => DualOutcome.OnlyInRequestedState,
        (Coverage.NotCovered, Coverage.NotCovered) => DualOutcome.InNeither,
        _ => DualOutcome.Unknown,
    };

    private static Coverage Criminal(Coverage c) => c == Coverage.Declared ? Coverage.Covered : c;

    private static int? Heaviest(IEnumerable<Evidence> evidence) => evidence.Select(e => e.Penalty.MaxMonths).Where(m => m is not null).Max();

    /// <summary>Serious in both when both maxima reach four years; false when one is known to fall short; else unknown.</summary>
    private static bool? Serious(int? a, int? b)
    {
        if (a is < PenaltyRange.SeriousThresholdMonths || b is < PenaltyRange.SeriousThresholdMonths) return false;
        if (a is null || b is null) return null;
        return true;
    }
}

/// <param name="Declared">The declared categories standing for the term (the basis when <paramref name="Coverage"/> is declared).</param>
public sealed record GapLine(TaxonomyTerm Term, Coverage Coverage, IReadOnlyList<Evidence> Evidence, bool PenaltyMissing,
    IReadOnlyList<string> Declared);

public sealed record GapChapter(TermKind Kind, IReadOnlyList<GapLine> Lines)
{
    /// <summary>Terms evidenced by provisions; the score counts these only.</summary>
    public int Covered => Lines.Count(l => l.Coverage == Coverage.Covered);
    /// <summary>Terms declared criminalised with no provision recorded: shown beside the score, not in it.</summary>
    public int Declared => Lines.Count(l => l.Coverage == Coverage.Declared);
    public int Total => Lines.Count;
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Covered / Total);
}

public sealed record GapAnalysis(string State, DateOnly On, string TaxonomyVersion, bool LegislationRecorded, IReadOnlyList<GapChapter> Chapters)
{
    public DeclaredProfile Declared { get; init; } = DeclaredProfile.None(State);
    public IReadOnlyList<string> DeclaredOutsideTaxonomy { get; init; } = [];
}

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
                    return new GapLine(t, profile.CoverageOf(t.Code), evidence, penaltyMissing, profile.DeclaredFor(t.Code));
                })])),
        ])
        {
            Declared = profile.Declared,
            DeclaredOutsideTaxonomy = profile.DeclaredOutsideTaxonomy,
        };
}
