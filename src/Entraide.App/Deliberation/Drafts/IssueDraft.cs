using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Drafts;

public sealed record IssueDraft(string? Symbol, int Version);

/// <summary>The secretariat issues the draft under its symbol: it becomes public and open to co-sponsors.</summary>
public sealed class IssueDraftHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, DraftQueries drafts)
    : IHandler
{
    public async Task<DraftResolution> HandleAsync(Guid draftId, IssueDraft command, CancellationToken ct)
    {
        var d = await drafts.LoadAsync(draftId, ct);
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        d.Issue(command.Symbol, command.Version, clock.GetUtcNow());
        if (await db.Set<DraftResolution>().AnyAsync(x => x.Symbol == d.Symbol && x.Id != d.Id, ct)) throw DomainException.Conflict("symbol-taken");
        audit.Action = "deliberation.draft.issue";
        await db.SaveChangesAsync(ct);
        return d;
    }
}
