using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Legislation;

public sealed record LawSummary(Guid Id, string State, string Title, string Type, string OriginalLanguage, DateOnly? AdoptedOn,
    DateOnly? RepealedOn, bool Example, int Version, IReadOnlyList<string> Languages, DateOnly? LatestVersion);

public sealed record ExpressionView(Guid Id, string Language, DateOnly Date, string Title, string? Note, bool InForce);

public sealed record ProvisionView(Guid Id, string Eid, string Number, string? Heading, string Text, IReadOnlyList<string> Terms,
    int? PenaltyMinMonths, int? PenaltyMaxMonths, bool? Serious);

/// <param name="On">The date the law is read at.</param>
/// <param name="Shown">The version whose provisions are listed: the one asked for, else the one in force in the language asked, else the
/// original's.</param>
public sealed record LawDetail(LawSummary Law, DateOnly On, bool RepealedOnDate, IReadOnlyList<ExpressionView> Expressions,
    ExpressionView? Shown, IReadOnlyList<ProvisionView> Provisions);

/// <summary>Reads of the public legislation repository: anyone may read every State's laws.</summary>
public sealed class LegislationQueries(EntraideDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<LawSummary>> ListAsync(string? state, string? type, bool includeRepealed, CancellationToken ct)
    {
        var works = db.Set<LegalWork>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            // Only a known code reaches the database: a NUL or an arbitrary string is refused as no State's.
            if (!Domain.Network.StateDirectory.Default.TryGet(state.Trim(), out var info)) throw DomainException.Invalid("unknown-state", "state");
            works = works.Where(w => w.State == info.Iso3);
        }
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!WorkTypes.All.Contains(type)) throw new DomainException(FailureKind.Invalid, new DomainError("unknown-work-type",
                "type")
            { Arguments = [type] });
            works = works.Where(w => w.Type == type);
        }
        if (!includeRepealed) works = works.Where(w => w.RepealedOn == null);
        var list = await works.ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var expressions = await db.Set<LegalExpression>().AsNoTracking().Where(e => ids.Contains(e.WorkId)).ToListAsync(ct);
        var byWork = expressions.ToLookup(e => e.WorkId);
        return [.. list.OrderBy(w => w.State, StringComparer.Ordinal).ThenBy(w => w.Title, StringComparer.CurrentCulture)
            .Select(w => Summary(w, byWork[w.Id]))];
    }

    public async Task<LawDetail> GetAsync(Guid lawId, DateOnly? on, string? language, Guid? expressionId, CancellationToken ct)
    {
        var work = await db.Set<LegalWork>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == lawId, ct)
            ?? throw DomainException.NotFound("law");
        var expressions = await db.Set<LegalExpression>().AsNoTracking().Where(e => e.WorkId == lawId).ToListAsync(ct);
        var date = on ?? Today;
        var dates = expressions.Select(e => new ExpressionDate(e.Id, e.Language, e.Date)).ToList();
        var inForce = LegislationHistory.InForce(dates, date, work.RepealedOn).Select(e => e.Id).ToHashSet();

        LegalExpression? shown;
        if (expressionId is { } wanted)
            shown = expressions.SingleOrDefault(e => e.Id == wanted) ?? throw DomainException.NotFound("version");
        else
        {
            var inLanguage = expressions.Where(e => inForce.Contains(e.Id)).FirstOrDefault(e => e.Language == language);
            var original = LegislationHistory.Authoritative(dates, date, work.RepealedOn, work.OriginalLanguage);
            shown = inLanguage ?? (original is null ? null : expressions.Single(e => e.Id == original.Id));
        }

        IReadOnlyList<ProvisionView> provisions = [];
        if (shown is not null)
        {
            var rows = await db.Set<LegalProvision>().AsNoTracking().Where(p => p.ExpressionId == shown.Id).ToListAsync(ct);
            provisions = [.. rows.OrderBy(p => p.Ordinal).Select(View)];
        }
        ExpressionView ViewOf(LegalExpression e) => new(e.Id, e.Language, e.Date, e.Title, e.Note, inForce.Contains(e.Id));
        return new LawDetail(Summary(work, expressions), date, work.RepealedOn is { } r && r <= date,
            [.. expressions.OrderByDescending(e => e.Date).ThenBy(e => Languages.All.ToList().IndexOf(e.Language)).Select(ViewOf)],
            shown is null ? null : ViewOf(shown), provisions);
    }

    internal static ProvisionView View(LegalProvision p) =>
        new(p.Id, p.Eid, p.Number, p.Heading, p.Text, p.TermList, p.PenaltyMinMonths, p.PenaltyMaxMonths,
            new PenaltyRange(p.PenaltyMinMonths, p.PenaltyMaxMonths).IsSerious);

    internal static LawSummary Summary(LegalWork w, IEnumerable<LegalExpression> expressions)
    {
        var list = expressions.ToList();
        return new LawSummary(w.Id, w.State, w.Title, w.Type, w.OriginalLanguage, w.AdoptedOn, w.RepealedOn, w.Example, w.Version,
            [.. list.Select(e => e.Language).Distinct().OrderBy(l => Languages.All.ToList().IndexOf(l))],
            list.Count == 0 ? null : list.Max(e => e.Date));
    }
}
