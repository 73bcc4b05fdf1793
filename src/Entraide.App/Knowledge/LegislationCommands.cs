using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Search;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge;

/// <summary>
/// Writes to the legislation repository. A State's administrators maintain their own State's laws;
/// the secretariat curates every State's. A law of another State answers as missing (404), so a
/// State learns nothing from trying. Each write is one save, audited, then mirrored to the index.
/// </summary>
public sealed class LegislationCommands(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    KnowledgeIndexer indexer)
{
    private static OffenceTaxonomy Taxonomy => OffenceTaxonomy.Current;

    /// <summary>May the actor maintain this State's laws? Secretariat: any State. Otherwise its own, as administrator.</summary>
    internal static void EnsureCanMaintain(Actor actor, string state, bool hideForeign)
    {
        if (actor.IsSecretariat) return;
        if (!actor.BelongsTo(state))
        {
            if (hideForeign) throw DomainException.NotFound("law");
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        }
        if (!actor.Has(Roles.StateAdministrator)) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }

    public async Task<LawSummary> CreateAsync(CreateLaw cmd, CancellationToken ct)
    {
        var created = await CreateManyAsync([cmd], (_, f) => f, ct);
        return created[0];
    }

    /// <summary>
    /// Validates every law first and stores all of them in one save, or none: an import with one bad
    /// line leaves the repository exactly as it was.
    /// </summary>
    internal async Task<IReadOnlyList<LawSummary>> CreateManyAsync(IReadOnlyList<CreateLaw> laws, Func<int, string, string> locate, CancellationToken ct)
    {
        Validate(laws, locate);
        var actor = current.Current;
        foreach (var law in laws) EnsureCanMaintain(actor, law.State!.Trim().ToUpperInvariant(), hideForeign: false);
        audit.Action = laws.Count == 1 ? "knowledge.law.create" : "knowledge.law.import";
        return await StoreAsync(laws, ct);
    }

    /// <summary>Demo content, written by the system at seeding: validated like any input, with no actor to authorise.</summary>
    internal async Task<IReadOnlyList<LawSummary>> SeedAsync(IReadOnlyList<CreateLaw> laws, CancellationToken ct)
    {
        Validate(laws, (i, f) => $"laws[{i}].{f}");
        audit.Action = "knowledge.law.seed";
        return await StoreAsync(laws, ct);
    }

    private static void Validate(IReadOnlyList<CreateLaw> laws, Func<int, string, string> locate)
    {
        var errors = new List<DomainError>();
        for (var i = 0; i < laws.Count; i++)
        {
            var index = i;
            errors.AddRange(LawValidator.Validate(laws[i], Taxonomy, f => locate(index, f)));
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }

    private async Task<IReadOnlyList<LawSummary>> StoreAsync(IReadOnlyList<CreateLaw> laws, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var works = new List<(LegalWork Work, List<LegalExpression> Expressions)>();
        foreach (var cmd in laws)
        {
            var work = new LegalWork
            {
                Id = Guid.CreateVersion7(),
                State = cmd.State!.Trim().ToUpperInvariant(),
                Title = cmd.Title!.Trim(),
                Type = cmd.Type!,
                OriginalLanguage = cmd.OriginalLanguage!,
                AdoptedOn = cmd.AdoptedOn,
                Example = cmd.Example,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(work);
            works.Add((work, [.. cmd.Expressions!.Select(e => AddExpression(work, e, now))]));
        }
        await db.SaveChangesAsync(ct);
        await indexer.IndexWorksAsync([.. works.Select(w => w.Work.Id)], ct);
        return [.. works.Select(w => LegislationQueries.Summary(w.Work, w.Expressions))];
    }

    /// <summary>A new language version, or an amendment: a consolidated version at a later date. Earlier versions stay.</summary>
    public async Task<LawSummary> AddExpressionAsync(Guid lawId, ExpressionInput input, CancellationToken ct)
    {
        var actor = current.Current;
        var work = await db.Set<LegalWork>().SingleOrDefaultAsync(w => w.Id == lawId, ct);
        if (work is null) throw DomainException.NotFound("law");
        EnsureCanMaintain(actor, work.State, hideForeign: true);

        var errors = LawValidator.ValidateExpression(input, Taxonomy, f => f);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        var existing = await db.Set<LegalExpression>().Where(e => e.WorkId == lawId).ToListAsync(ct);
        if (LegislationHistory.CheckNewVersion(existing.Select(e => new ExpressionDate(e.Id, e.Language, e.Date)), input.Language!, input.Date!.Value, work.RepealedOn) is { } bad)
            throw new DomainException(bad.Code == "after-repeal" ? FailureKind.Conflict : FailureKind.Invalid, bad);
        if (work.AdoptedOn is { } adopted && input.Date < adopted) throw DomainException.Invalid("before-adoption", "date");

        var now = clock.GetUtcNow();
        var expression = AddExpression(work, input, now);
        work.UpdatedAt = now;
        work.Version++;
        audit.Action = "knowledge.law.amend";
        await SaveAsync(ct);
        await indexer.IndexWorkAsync(work.Id, ct);
        return LegislationQueries.Summary(work, [.. existing, expression]);
    }

    public async Task<LawSummary> RepealAsync(Guid lawId, RepealLaw cmd, CancellationToken ct)
    {
        var actor = current.Current;
        var work = await db.Set<LegalWork>().SingleOrDefaultAsync(w => w.Id == lawId, ct);
        if (work is null) throw DomainException.NotFound("law");
        EnsureCanMaintain(actor, work.State, hideForeign: true);
        if (cmd.On is not { } on) throw new DomainException(FailureKind.Invalid, DomainError.Required("on"));
        if (work.RepealedOn is not null) throw DomainException.Conflict("already-repealed");
        if (cmd.Version is { } v && v != work.Version) throw DomainException.Conflict("concurrent-change");
        var expressions = await db.Set<LegalExpression>().Where(e => e.WorkId == lawId).ToListAsync(ct);
        // A repeal dated before the first version would leave a law that was never in force.
        if (expressions.Count > 0 && on <= expressions.Min(e => e.Date)) throw DomainException.Invalid("repeal-before-version", "on");

        work.RepealedOn = on;
        work.UpdatedAt = clock.GetUtcNow();
        work.Version++;
        audit.Action = "knowledge.law.repeal";
        await SaveAsync(ct);
        await indexer.IndexWorkAsync(work.Id, ct);
        return LegislationQueries.Summary(work, expressions);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Conflict("concurrent-change"); }
    }

    private LegalExpression AddExpression(LegalWork work, ExpressionInput e, DateTimeOffset now)
    {
        var expression = new LegalExpression
        {
            Id = Guid.CreateVersion7(),
            WorkId = work.Id,
            State = work.State,
            Language = e.Language!,
            Date = e.Date!.Value,
            Title = e.Title!.Trim(),
            Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(),
            CreatedAt = now,
        };
        db.Add(expression);
        var ordinal = 0;
        foreach (var p in e.Provisions!)
        {
            db.Add(new LegalProvision
            {
                Id = Guid.CreateVersion7(),
                ExpressionId = expression.Id,
                WorkId = work.Id,
                State = work.State,
                Ordinal = ordinal++,
                Eid = p.Eid!,
                Number = p.Number!.Trim(),
                Heading = string.IsNullOrWhiteSpace(p.Heading) ? null : p.Heading.Trim(),
                Text = p.Text!.Trim(),
                Terms = string.Join(",", (p.Terms ?? []).Distinct(StringComparer.Ordinal)),
                PenaltyMinMonths = p.PenaltyMinMonths,
                PenaltyMaxMonths = p.PenaltyMaxMonths,
            });
        }
        return expression;
    }
}
