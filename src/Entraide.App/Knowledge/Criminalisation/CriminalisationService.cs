using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Criminalisation;

// The Knowledge rule's evidence (the provisions that establish an offence), not the Evidence module.
using Evidence = Entraide.Domain.Knowledge.Evidence;

public sealed record EvidenceView(Guid ProvisionId, Guid LawId, string Citation, int? MaxPenaltyMonths, bool? Serious);

/// <param name="Coverage">covered (evidenced by provisions), declared (declared criminalised in the State's profile, no provision recorded),
/// declared-not-criminalised (the State declares it does not criminalise it), no-provision-recorded (legislation recorded, no provision
/// recorded covers it: unknown) or unknown (nothing recorded).</param>
/// <param name="Declared">The State's declared categories (register codes) standing for the term, whatever the coverage.</param>
public sealed record TermCoverageView(string Term, string Kind, string? Article, string Label, string Coverage,
    IReadOnlyList<EvidenceView> Evidence, bool PenaltyMissing,
    IReadOnlyList<string> Declared)
{
    /// <summary>The categories standing for the term that the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> DeclaredNotCriminalised { get; init; } = [];
}

/// <param name="Covered">Terms evidenced by provisions (what <paramref name="Percent"/> counts).</param>
/// <param name="Declared">Terms declared criminalised with no provision recorded.</param>
public sealed record ChapterView(string Kind, int Covered, int Declared, int Total, int Percent, IReadOnlyList<TermCoverageView> Terms);

/// <summary>The declaration merged into a profile: the register's categories, and the profile version that holds them.</summary>
/// <param name="Applied">False when the profile is read on a past date: the declaration is the one in force now, so it is shown but not
/// merged.</param>
/// <param name="OutsideTaxonomy">Declared categories the taxonomy has no term for.</param>
public sealed record DeclarationView(string State, IReadOnlyList<string> Categories, int? ProfileVersion, DateTimeOffset? DeclaredAt, bool Applied,
    IReadOnlyList<string> OutsideTaxonomy)
{
    /// <summary>The optional categories the State declares it does not criminalise.</summary>
    public IReadOnlyList<string> NotCriminalised { get; init; } = [];
}

/// <summary>A State's coverage on a date; the criminalisation profile and the gap analysis are two readings of it.</summary>
public sealed record CoverageView(string State, DateOnly On, string TaxonomyVersion, bool LegislationRecorded, IReadOnlyList<ChapterView> Chapters,
    DeclarationView Declaration);

/// <summary>
/// Builds a State's criminalisation profile from its provisions in force on a date (the original
/// language's version of each law, so a law is counted once whatever its translations) merged with the
/// optional categories it declares in its register profile, and answers dual-criminality questions
/// from two such profiles.
/// </summary>
public sealed class CriminalisationService(EntraideDbContext db, TimeProvider clock, IStateProfiles declarations) : IDualCriminality
{
    private static OffenceTaxonomy Taxonomy => OffenceTaxonomy.Current;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<(CriminalisationProfile Profile, Dictionary<Guid, Guid> LawOf)> ProfileAsync(string state, DateOnly on, CancellationToken ct)
    {
        var (declared, _) = await DeclarationAsync(state, on, ct);
        return await ProfileAsync(state, on, declared, ct);
    }

    /// <summary>
    /// The State's declaration as in force now, and whether it applies on <paramref name="on"/>: the
    /// register gives today's declaration, which says nothing of what was declared on an earlier date.
    /// </summary>
    private async Task<(DeclaredProfile? Applied, DeclaredCriminalisation Now)> DeclarationAsync(string state, DateOnly on, CancellationToken ct)
    {
        var now = await declarations.GetDeclaredCriminalisationAsync(state, ct);
        var applies = on >= Today;
        return (applies ? new DeclaredProfile(state, now.OptionalCategories, now.ProfileVersion, now.DeclaredAt)
        {
            NotCriminalised = now.NotCriminalisedCategories,
        } : null, now);
    }

    private async Task<(CriminalisationProfile Profile, Dictionary<Guid, Guid> LawOf)> ProfileAsync(string state, DateOnly on,
        DeclaredProfile? declared, CancellationToken ct)
    {
        var works = await db.Set<LegalWork>().AsNoTracking().Where(w => w.State == state).ToListAsync(ct);
        var expressions = await db.Set<LegalExpression>().AsNoTracking().Where(e => e.State == state)
            .Select(e => new { e.Id, e.WorkId, e.Language, e.Date }).ToListAsync(ct);
        var byWork = expressions.ToLookup(e => e.WorkId);
        var chosen = new Dictionary<Guid, LegalWork>();
        foreach (var w in works)
        {
            var authoritative = LegislationHistory.Authoritative(byWork[w.Id].Select(e => new ExpressionDate(e.Id, e.Language, e.Date)), on,
                w.RepealedOn, w.OriginalLanguage);
            if (authoritative is not null) chosen[authoritative.Id] = w;
        }
        var ids = chosen.Keys.ToList();
        var provisions = ids.Count == 0 ? [] : await db.Set<LegalProvision>().AsNoTracking()
            .Where(p => p.State == state && ids.Contains(p.ExpressionId) && p.Terms != "").ToListAsync(ct);
        var evidence = provisions.OrderBy(p => p.Ordinal).SelectMany(p => p.TermList.Where(Taxonomy.Contains).Select(t =>
            new Evidence(p.Id, state, $"{chosen[p.ExpressionId].Title}, {p.Number}", t, new PenaltyRange(p.PenaltyMinMonths, p.PenaltyMaxMonths))));
        return (new CriminalisationProfile(state, on, ids.Count > 0, evidence, declared), provisions.ToDictionary(p => p.Id, p => p.WorkId));
    }

    public async Task<CoverageView> CoverageAsync(string state, DateOnly? on, string language, CancellationToken ct)
    {
        var code = ResolveState(state, "state");
        var date = on ?? Today;
        var (applied, now) = await DeclarationAsync(code, date, ct);
        var (profile, lawOf) = await ProfileAsync(code, date, applied, ct);
        var gaps = Gaps.Analyse(Taxonomy, profile);
        return new CoverageView(code, profile.On, gaps.TaxonomyVersion, gaps.LegislationRecorded,
        [
            .. gaps.Chapters.Select(c => new ChapterView(KindName(c.Kind), c.Covered, c.Declared, c.Total, c.Percent,
                [.. c.Lines.Select(l => new TermCoverageView(l.Term.Code, KindName(l.Term.Kind), l.Term.Article, l.Term.Label(language),
                    CoverageName(l.Coverage), [.. l.Evidence.Select(e => EvidenceOf(e, lawOf))], l.PenaltyMissing, l.Declared)
                {
                    DeclaredNotCriminalised = l.DeclaredNot,
                })])),
        ],
        new DeclarationView(code, now.OptionalCategories, now.ProfileVersion, now.DeclaredAt, applied is not null,
            [.. now.OptionalCategories.Where(c => DeclaredCategories.TermFor(c) is null)])
        {
            NotCriminalised = now.NotCriminalisedCategories,
        });
    }

    public async Task<DualCriminalityAnswer> CheckAsync(DualCriminalityQuestion question, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        IReadOnlyList<string> terms = question.ConductTerms ?? [];
        var requesting = (question.RequestingState ?? "").Trim().ToUpperInvariant();
        var requested = (question.RequestedState ?? "").Trim().ToUpperInvariant();
        if (terms.Count == 0) errors.Add(DomainError.Required("terms"));
        else foreach (var t in terms.Where(t => !Taxonomy.Contains(t)))
            errors.Add(new DomainError("unknown-term", "terms") { Arguments = [t] });
        if (!StateDirectory.Default.Exists(requesting)) errors.Add(new DomainError("unknown-state", "requesting"));
        if (!StateDirectory.Default.Exists(requested)) errors.Add(new DomainError("unknown-state", "requested"));
        if (errors.Count == 0 && requesting == requested) errors.Add(new DomainError("same-state", "requested"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var on = question.On ?? Today;
        var (a, _) = await ProfileAsync(requesting, on, ct);
        var (b, _) = await ProfileAsync(requested, on, ct);
        var judgement = DualCriminality.Judge(terms, a, b);
        static ProvisionCitation Cite(Evidence e) => new(e.ProvisionId, e.State, e.Citation, e.Penalty.MaxMonths);
        static ProvisionCitation? CiteOrNull(Evidence? e) => e is null ? null : Cite(e);
        static DeclarationCitation? Declared(CriminalisationProfile p, Coverage c, IReadOnlyList<string> categories, IReadOnlyList<string> refused) =>
            c switch
            {
                Coverage.Declared => new DeclarationCitation(p.State, categories, p.Declared.ProfileVersion, p.Declared.DeclaredAt),
                Coverage.DeclaredNotCriminalised => new DeclarationCitation(p.State, refused, p.Declared.ProfileVersion, p.Declared.DeclaredAt,
                    Criminalised: false),
                _ => null,
            };
        return new DualCriminalityAnswer(Map(judgement.Outcome),
            [.. judgement.Terms.Select(t => new TermAnswer(t.Term, Map(t.Outcome), [.. t.RequestingEvidence.Select(Cite)],
                [.. t.RequestedEvidence.Select(Cite)])
            {
                RequestingCoverage = CoverageName(t.Requesting),
                RequestedCoverage = CoverageName(t.Requested),
                RequestingDeclaration = Declared(a, t.Requesting, t.RequestingDeclared, t.RequestingDeclaredNot),
                RequestedDeclaration = Declared(b, t.Requested, t.RequestedDeclared, t.RequestedDeclaredNot),
                SeriousCrimeInBoth = t.SeriousInBoth,
                RequestingPenalty = CiteOrNull(t.RequestingPenalty),
                RequestedPenalty = CiteOrNull(t.RequestedPenalty),
            })])
        {
            SeriousCrimeInBoth = judgement.SeriousInBoth,
            RequestingPenalty = CiteOrNull(judgement.RequestingPenalty),
            RequestedPenalty = CiteOrNull(judgement.RequestedPenalty),
            On = on,
            RequestingCoverage = CoverageName(judgement.Requesting),
            RequestedCoverage = CoverageName(judgement.Requested),
        };
    }

    private static string ResolveState(string? state, string field)
    {
        var code = state?.Trim().ToUpperInvariant();
        if (!StateDirectory.Default.Exists(code)) throw DomainException.Invalid("unknown-state", field);
        return code!;
    }

    private static EvidenceView EvidenceOf(Evidence e, Dictionary<Guid, Guid> lawOf) =>
        new(e.ProvisionId, lawOf[e.ProvisionId], e.Citation, e.Penalty.MaxMonths, e.Penalty.IsSerious);

    public static DualCriminalityOutcome Map(DualOutcome o) => o switch
    {
        DualOutcome.CriminalInBoth => DualCriminalityOutcome.CriminalInBoth,
        DualOutcome.OnlyInRequestingState => DualCriminalityOutcome.OnlyInRequestingState,
        DualOutcome.OnlyInRequestedState => DualCriminalityOutcome.OnlyInRequestedState,
        DualOutcome.DeclaredNotCriminalised => DualCriminalityOutcome.DeclaredNotCriminalised,
        DualOutcome.NotInBoth => DualCriminalityOutcome.NotInBoth,
        _ => DualCriminalityOutcome.Unknown,
    };

    public static string KindName(TermKind k) => k switch { TermKind.Core => "core", TermKind.Optional => "optional", _ => "procedural" };

    public static string CoverageName(Coverage c) => c switch
    {
        Coverage.Covered => CoverageNames.Covered,
        Coverage.Declared => CoverageNames.Declared,
        Coverage.DeclaredNotCriminalised => CoverageNames.DeclaredNotCriminalised,
        Coverage.NoProvisionRecorded => CoverageNames.NoProvisionRecorded,
        _ => CoverageNames.Unknown,
    };
}
