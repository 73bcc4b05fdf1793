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
    /// <summary>
    /// The State declares in its register profile that it does not criminalise the category: the one
    /// negative answer the platform gives, on the State's own word.
    /// </summary>
    DeclaredNotCriminalised,
    /// <summary>
    /// The State's legislation is recorded, but no provision recorded here covers the term: unknown — the
    /// recorded laws are excerpts, and a silence in them is not a declaration that the conduct is lawful.
    /// </summary>
    NoProvisionRecorded,
    /// <summary>Nothing of the State's legislation is recorded: absence proves nothing.</summary>
    Unknown,
}

/// <summary>
/// What a State declares in its register profile (Network): the optional categories it says it
/// criminalises, those it says it does not criminalise (<see cref="NotCriminalised"/>), and which
/// version of the profile says so (null when the State has no profile yet).
/// </summary>
public sealed record DeclaredProfile(string State, IReadOnlyList<string> Categories, int? ProfileVersion = null, DateTimeOffset? DeclaredAt = null)
{
    /// <summary>The optional categories the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> NotCriminalised { get; init; } = [];

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
    private readonly Dictionary<string, List<string>> _refusedByTerm;

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
        // A category declared both ways is read as criminalised: the positive declaration is the one a provision could back.
        _refusedByTerm = Declared.NotCriminalised.Distinct(StringComparer.Ordinal)
            .Where(c => !categories.Contains(c) && DeclaredCategories.TermFor(c) is not null)
            .GroupBy(c => DeclaredCategories.TermFor(c)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public string State { get; }
    public DateOnly On { get; }
    public bool LegislationRecorded { get; }

    /// <summary>The declaration the profile was merged with (empty when none applies).</summary>
    public DeclaredProfile Declared { get; }

    /// <summary>Declared categories the taxonomy has no term for: shown, but they cover no term.</summary>
    public IReadOnlyList<string> DeclaredOutsideTaxonomy { get; }

    /// <summary>
    /// A provision outranks any declaration; a declaration that the State criminalises the category outranks
    /// one that it does not; a declaration outranks the silence of the recorded laws.
    /// </summary>
    public Coverage CoverageOf(string term) =>
        _byTerm.ContainsKey(term) ? Coverage.Covered
        : _declaredByTerm.ContainsKey(term) ? Coverage.Declared
        : _refusedByTerm.ContainsKey(term) ? Coverage.DeclaredNotCriminalised
        : LegislationRecorded ? Coverage.NoProvisionRecorded
        : Coverage.Unknown;

    public IReadOnlyList<Evidence> EvidenceFor(string term) =>
        _byTerm.TryGetValue(term, out var l) ? l : [];

    /// <summary>The declared categories that stand for the term (whether or not a provision also covers it).</summary>
    public IReadOnlyList<string> DeclaredFor(string term) =>
        _declaredByTerm.TryGetValue(term, out var l) ? l : [];

    /// <summary>The categories standing for the term that the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> DeclaredNotCriminalisedFor(string term) =>
        _refusedByTerm.TryGetValue(term, out var l) ? l : [];

    /// <summary>The heaviest maximum among the provisions covering the term, where any gives one; a declaration gives none.</summary>
    public int? MaxPenaltyMonths(string term) => HeaviestPenalty(term)?.Penalty.MaxMonths;

    /// <summary>The provision that gives the heaviest maximum for the term (the first in order among equals), or null.</summary>
    public Evidence? HeaviestPenalty(string term) => DualCriminality.Heaviest(EvidenceFor(term));
}

/// <summary>The answer for one conduct (term), or the headline for all the conducts of a request (mirrors the App contract's outcome).</summary>
public enum DualOutcome
{
    /// <summary>Criminal in both States (on a provision or a declaration on each side).</summary>
    CriminalInBoth,
    /// <summary>Criminal in the requesting State; the requested State declares it does not criminalise it.</summary>
    OnlyInRequestingState,
    /// <summary>Criminal in the requested State; the requesting State declares it does not criminalise it.</summary>
    OnlyInRequestedState,
    /// <summary>A State declares it does not criminalise the conduct, and the other is not shown to.</summary>
    DeclaredNotCriminalised,
    /// <summary>Headline only: some conducts are criminal only in one State, others in the other or in neither.</summary>
    NotInBoth,
    /// <summary>Unknown: a side has no provision recorded for the conduct (or nothing recorded at all), and no State refuses it.</summary>
    Unknown,
}

/// <param name="RequestingDeclared">The requesting State's declared categories standing for the term (its basis when <paramref
/// name="Requesting"/> is <see cref="Coverage.Declared"/>).</param>
public sealed record TermJudgement(string Term, DualOutcome Outcome, Coverage Requesting, Coverage Requested,
    IReadOnlyList<Evidence> RequestingEvidence, IReadOnlyList<Evidence> RequestedEvidence, bool? SeriousInBoth)
{
    public IReadOnlyList<string> RequestingDeclared { get; init; } = [];
    public IReadOnlyList<string> RequestedDeclared { get; init; } = [];

    /// <summary>The categories the requesting State declares it does not criminalise (its basis when declared not criminalised).</summary>
    public IReadOnlyList<string> RequestingDeclaredNot { get; init; } = [];
    public IReadOnlyList<string> RequestedDeclaredNot { get; init; } = [];

    /// <summary>The provision giving the heaviest maximum in the requesting State for this conduct, or null when none states one.</summary>
    public Evidence? RequestingPenalty { get; init; }
    public Evidence? RequestedPenalty { get; init; }
}

/// <param name="Outcome">The headline: the honest conjunction of the conducts' verdicts (<see cref="DualCriminality.Conjoin"/>).</param>
/// <param name="SeriousInBoth">Only when criminal in both: whether each side's heaviest maximum reaches four years.</param>
/// <param name="Requesting">The requesting State's coverage over all the conducts: covered when every conduct is criminal there and one
/// rests on a provision, declared when every one is criminal but none on a provision; otherwise the weakest conduct's coverage.</param>
public sealed record DualJudgement(DualOutcome Outcome, IReadOnlyList<TermJudgement> Terms, bool? SeriousInBoth,
    Coverage Requesting = Coverage.Unknown, Coverage Requested = Coverage.Unknown)
{
    /// <summary>The provision that gives the heaviest maximum in the requesting State across the conducts: what the penalty line cites.</summary>
    public Evidence? RequestingPenalty { get; init; }
    public Evidence? RequestedPenalty { get; init; }
}

/// <summary>
/// Dual criminality (Art. 35): satisfied when the conduct is a crime in both States, whatever each
/// calls it, so it is judged on the taxonomy of conduct — one verdict per conduct (term) of the
/// request, and a headline that is their honest conjunction: criminal in both only when every conduct
/// is; refused when any conduct is refused by a State's declaration; otherwise unknown. A silence of the
/// recorded laws is never read as "not criminal": only a State's declaration says that. A term the
/// State only declares criminalised counts as criminal there (the State's own word in the register),
/// but it cites no provision and states no penalty, so the serious-crime threshold is never met on a
/// declaration alone (see docs/decisions/knowledge-declared-profile.md).
/// </summary>
public static class DualCriminality
{
    public static DualJudgement Judge(IReadOnlyList<string> terms, CriminalisationProfile requesting, CriminalisationProfile requested)
    {
        var judgements = terms.Distinct(StringComparer.Ordinal).Select(t =>
        {
            var a = requesting.CoverageOf(t);
            var b = requested.CoverageOf(t);
            var outcome = Combine(a, b);
            var penaltyA = requesting.HeaviestPenalty(t);
            var penaltyB = requested.HeaviestPenalty(t);
            return new TermJudgement(t, outcome, a, b, requesting.EvidenceFor(t), requested.EvidenceFor(t),
                outcome == DualOutcome.CriminalInBoth ? Serious(penaltyA?.Penalty.MaxMonths, penaltyB?.Penalty.MaxMonths) : null)
            {
                RequestingDeclared = requesting.DeclaredFor(t),
                RequestedDeclared = requested.DeclaredFor(t),
                RequestingDeclaredNot = requesting.DeclaredNotCriminalisedFor(t),
                RequestedDeclaredNot = requested.DeclaredNotCriminalisedFor(t),
                RequestingPenalty = penaltyA,
                RequestedPenalty = penaltyB,
            };
        }).ToList();

        var outcome = Conjoin(judgements.Select(j => j.Outcome));
        var heaviestA = Heaviest(judgements.SelectMany(j => j.RequestingEvidence));
        var heaviestB = Heaviest(judgements.SelectMany(j => j.RequestedEvidence));
        return new DualJudgement(outcome, judgements,
            outcome == DualOutcome.CriminalInBoth ? Serious(heaviestA?.Penalty.MaxMonths, heaviestB?.Penalty.MaxMonths) : null,
            Overall(judgements.Select(j => j.Requesting)), Overall(judgements.Select(j => j.Requested)))
        {
            RequestingPenalty = heaviestA,
            RequestedPenalty = heaviestB,
        };
    }

    /// <summary>
    /// The headline from the conducts' verdicts: criminal in both only when every conduct is; when a State
    /// refuses any conduct, that refusal (the same one throughout, or <see cref="DualOutcome.NotInBoth"/> when
    /// they differ); otherwise unknown. No conduct: unknown.
    /// </summary>
    public static DualOutcome Conjoin(IEnumerable<DualOutcome> verdicts)
    {
        var list = verdicts.ToList();
        if (list.Count == 0) return DualOutcome.Unknown;
        if (list.All(v => v == DualOutcome.CriminalInBoth)) return DualOutcome.CriminalInBoth;
        var refused = list.Where(IsRefusal).Distinct().ToList();
        return refused.Count switch
        {
            0 => DualOutcome.Unknown,
            1 => refused[0],
            _ => DualOutcome.NotInBoth,
        };
    }

    /// <summary>A verdict that, on a State's declaration, says the conduct is not criminal in both.</summary>
    public static bool IsRefusal(DualOutcome o) =>
        o is DualOutcome.OnlyInRequestingState or DualOutcome.OnlyInRequestedState or DualOutcome.DeclaredNotCriminalised or DualOutcome.NotInBoth;

    /// <summary>The side's coverage over all the conducts: the weakest link, a provision outranking a declaration when all are criminal.</summary>
    private static Coverage Overall(IEnumerable<Coverage> coverages)
    {
        var list = coverages.ToList();
        if (list.Count == 0) return Coverage.Unknown;
        if (list.Contains(Coverage.DeclaredNotCriminalised)) return Coverage.DeclaredNotCriminalised;
        if (list.Contains(Coverage.Unknown)) return Coverage.Unknown;
        if (list.Contains(Coverage.NoProvisionRecorded)) return Coverage.NoProvisionRecorded;
        return list.Contains(Coverage.Covered) ? Coverage.Covered : Coverage.Declared;
    }

    /// <summary>
    /// One conduct: criminal on each side where covered or declared; "only in one" and "declared not
    /// criminalised" need a State's declaration that it does not criminalise it; a side with no provision
    /// recorded (or nothing recorded) leaves the answer unknown.
    /// </summary>
    public static DualOutcome Combine(Coverage requesting, Coverage requested)
    {
        bool criminalA = IsCriminal(requesting), criminalB = IsCriminal(requested);
        bool refusedA = requesting == Coverage.DeclaredNotCriminalised, refusedB = requested == Coverage.DeclaredNotCriminalised;
        if (criminalA && criminalB) return DualOutcome.CriminalInBoth;
        if (criminalA && refusedB) return DualOutcome.OnlyInRequestingState;
        if (refusedA && criminalB) return DualOutcome.OnlyInRequestedState;
        if (refusedA || refusedB) return DualOutcome.DeclaredNotCriminalised;
        return DualOutcome.Unknown;
    }

    public static bool IsCriminal(Coverage c) => c is Coverage.Covered or Coverage.Declared;

    /// <summary>The provision with the heaviest stated maximum (the first in order among equals), or null when none states one.</summary>
    public static Evidence? Heaviest(IEnumerable<Evidence> evidence) =>
        evidence.Where(e => e.Penalty.MaxMonths is not null).OrderByDescending(e => e.Penalty.MaxMonths).FirstOrDefault();

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
    IReadOnlyList<string> Declared)
{
    /// <summary>The categories standing for the term that the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> DeclaredNot { get; init; } = [];
}

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
                    return new GapLine(t, profile.CoverageOf(t.Code), evidence, penaltyMissing, profile.DeclaredFor(t.Code))
                    {
                        DeclaredNot = profile.DeclaredNotCriminalisedFor(t.Code),
                    };
                })])),
        ])
        {
            Declared = profile.Declared,
            DeclaredOutsideTaxonomy = profile.DeclaredOutsideTaxonomy,
        };
}
