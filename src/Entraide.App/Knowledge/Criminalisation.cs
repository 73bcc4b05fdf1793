using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge;

public sealed record EvidenceView(Guid ProvisionId, Guid LawId, string Citation, int? MaxPenaltyMonths, bool? Serious);

public sealed record TermCoverageView(string Term, string Kind, string? Article, string Label, string Coverage, IReadOnlyList<EvidenceView> Evidence, bool PenaltyMissing);

public sealed record ChapterView(string Kind, int Covered, int Total, int Percent, IReadOnlyList<TermCoverageView> Terms);

/// <summary>A State's coverage on a date; the criminalisation profile and the gap analysis are two readings of it.</summary>
public sealed record CoverageView(string State, DateOnly On, string TaxonomyVersion, bool LegislationRecorded, IReadOnlyList<ChapterView> Chapters);

/// <summary>
/// Builds a State's criminalisation profile from its provisions in force on a date (the original
/// language's version of each law, so a law is counted once whatever its translations), and answers
/// dual-criminality questions from two such profiles.
/// </summary>
public sealed class CriminalisationService(EntraideDbContext db, TimeProvider clock) : IDualCriminality
{
    private static OffenceTaxonomy Taxonomy => OffenceTaxonomy.Current;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<(CriminalisationProfile Profile, Dictionary<Guid, Guid> LawOf)> ProfileAsync(string state, DateOnly on, CancellationToken ct)
    {
        var works = await db.Set<LegalWork>().AsNoTracking().Where(w => w.State == state).ToListAsync(ct);
        var expressions = await db.Set<LegalExpression>().AsNoTracking().Where(e => e.State == state)
            .Select(e => new { e.Id, e.WorkId, e.Language, e.Date }).ToListAsync(ct);
        var byWork = expressions.ToLookup(e => e.WorkId);
        var chosen = new Dictionary<Guid, LegalWork>();
        foreach (var w in works)
        {
            var authoritative = LegislationHistory.Authoritative(byWork[w.Id].Select(e => new ExpressionDate(e.Id, e.Language, e.Date)), on, w.RepealedOn, w.OriginalLanguage);
            if (authoritative is not null) chosen[authoritative.Id] = w;
        }
        var ids = chosen.Keys.ToList();
        var provisions = ids.Count == 0 ? [] : await db.Set<LegalProvision>().AsNoTracking()
            .Where(p => p.State == state && ids.Contains(p.ExpressionId) && p.Terms != "").ToListAsync(ct);
        var evidence = provisions.OrderBy(p => p.Ordinal).SelectMany(p => p.TermList.Where(Taxonomy.Contains).Select(t =>
            new Evidence(p.Id, state, $"{chosen[p.ExpressionId].Title}, {p.Number}", t, new PenaltyRange(p.PenaltyMinMonths, p.PenaltyMaxMonths))));
        return (new CriminalisationProfile(state, on, ids.Count > 0, evidence), provisions.ToDictionary(p => p.Id, p => p.WorkId));
    }

    public async Task<CoverageView> CoverageAsync(string state, DateOnly? on, string language, CancellationToken ct)
    {
        var code = ResolveState(state, "state");
        var (profile, lawOf) = await ProfileAsync(code, on ?? Today, ct);
        var gaps = Gaps.Analyse(Taxonomy, profile);
        return new CoverageView(code, profile.On, gaps.TaxonomyVersion, gaps.LegislationRecorded,
        [
            .. gaps.Chapters.Select(c => new ChapterView(KindName(c.Kind), c.Covered, c.Total, c.Percent,
                [.. c.Lines.Select(l => new TermCoverageView(l.Term.Code, KindName(l.Term.Kind), l.Term.Article, l.Term.Label(language),
                    CoverageName(l.Coverage), [.. l.Evidence.Select(e => EvidenceOf(e, lawOf))], l.PenaltyMissing))])),
        ]);
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
        return new DualCriminalityAnswer(Map(judgement.Outcome),
            [.. judgement.Terms.Select(t => new TermAnswer(t.Term, Map(t.Outcome), [.. t.RequestingEvidence.Select(Cite)], [.. t.RequestedEvidence.Select(Cite)]))])
        {
            SeriousCrimeInBoth = judgement.SeriousInBoth,
            On = on,
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
        DualOutcome.InNeither => DualCriminalityOutcome.InNeither,
        _ => DualCriminalityOutcome.Unknown,
    };

    public static string KindName(TermKind k) => k switch { TermKind.Core => "core", TermKind.Optional => "optional", _ => "procedural" };

    public static string CoverageName(Coverage c) => c switch { Coverage.Covered => "covered", Coverage.NotCovered => "not-covered", _ => "unknown" };
}
