using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Search;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Legislation;

/// <summary>A new language version, or an amendment: a consolidated version at a later date. Earlier versions stay.</summary>
public sealed class AddLawVersionHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    KnowledgeIndexer indexer) : IHandler
{
    public async Task<LawSummary> HandleAsync(Guid lawId, ExpressionInput input, CancellationToken ct)
    {
        var work = await db.Set<LegalWork>().SingleOrDefaultAsync(w => w.Id == lawId, ct) ?? throw DomainException.NotFound("law");
        LawStore.EnsureCanMaintain(current.Current, work.State, hideForeign: true);
        var errors = LawValidator.ValidateExpression(input, OffenceTaxonomy.Current, f => f);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var existing = await db.Set<LegalExpression>().Where(e => e.WorkId == lawId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var (expression, provisions) = work.Amend(existing, input.Language!, input.Date!.Value, input.Title!.Trim(), LawStore.Note(input),
            LawStore.Texts(input), now);
        db.Add(expression);
        db.AddRange(provisions);
        audit.Action = "knowledge.law.amend";
        await RepealLawHandler.SaveAsync(db, ct);
        await indexer.IndexWorkAsync(work.Id, ct);
        return LegislationQueries.Summary(work, [.. existing, expression]);
    }
}
