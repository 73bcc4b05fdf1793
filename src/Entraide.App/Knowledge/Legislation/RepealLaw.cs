using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Search;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Legislation;

/// <param name="Version">The law's version the repeal was decided on; another answers 409.</param>
public sealed record RepealLaw(DateOnly? On, int? Version = null);

/// <summary>Records the law's repeal on a date; it stays readable as it was before.</summary>
public sealed class RepealLawHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    KnowledgeIndexer indexer) : IHandler
{
    public async Task<LawSummary> HandleAsync(Guid lawId, RepealLaw command, CancellationToken ct)
    {
        var work = await db.Set<LegalWork>().SingleOrDefaultAsync(w => w.Id == lawId, ct) ?? throw DomainException.NotFound("law");
        LawStore.EnsureCanMaintain(current.Current, work.State, hideForeign: true);
        var expressions = await db.Set<LegalExpression>().Where(e => e.WorkId == lawId).ToListAsync(ct);
        work.Repeal(command.On, command.Version, expressions, clock.GetUtcNow());
        audit.Action = "knowledge.law.repeal";
        await SaveAsync(db, ct);
        await indexer.IndexWorkAsync(work.Id, ct);
        return LegislationQueries.Summary(work, expressions);
    }

    /// <summary>Saves a change to a law; a change that lost a race with another answers 409.</summary>
    internal static async Task SaveAsync(EntraideDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Conflict("concurrent-change"); }
    }
}
