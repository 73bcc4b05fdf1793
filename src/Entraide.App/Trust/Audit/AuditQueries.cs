using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Audit;

public sealed record AuditEntryView(long Id, long? Sequence, DateTimeOffset OccurredAt, string ActorId, string? State,
    string Action, string EntityType, string EntityId, string? BeforeDigest, string? AfterDigest, string? Hash);

/// <summary>A State's administrators read their own State's audit trail; the secretariat reads all of it.</summary>
public sealed class AuditQueries(EntraideDbContext db, ICurrentActor current, AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<IReadOnlyList<AuditEntryView>> ListAsync(long? before, int take, CancellationToken ct)
    {
        var actor = current.Current;
        if (!actor.IsSecretariat && !actor.Has(Domain.Trust.Roles.StateAdministrator))
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        take = Math.Clamp(take, 1, 500);
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (!actor.IsSecretariat) q = q.Where(e => e.StateCode == actor.StateCode);
        if (before is { } b) q = q.Where(e => e.Id < b);
        var rows = await q.OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(e => new AuditEntryView(e.Id, e.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(e.OccurredAtMs), e.ActorId,
            e.StateCode, e.Action, e.EntityType, e.EntityId, e.BeforeDigest, e.AfterDigest, e.Hash))];
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        await AuditChainer.ChainPendingAsync(db, keys, ct);
        var (checkpoint, problem) = checkpoints.ReadLatest();
        if (problem is not null) return AuditVerification.Bad(0, 0, "the latest checkpoint", problem);
        return await AuditVerifier.VerifyAsync(db, () => keys, checkpoint, ct);
    }
}
