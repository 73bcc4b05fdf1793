using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Evidence.Encryption;

/// <summary>
/// Key rotation: every data key wrapped by a key-encryption key other than the current one is unwrapped (the former key
/// must be among <c>Evidence:KeyEncryptionKey:PreviousPaths</c>) and wrapped again under the current one. The content,
/// sealed under the data keys, is not touched. Runs in batches, each saved with its audit entries; returns how many
/// items were re-wrapped. Once it returns, the former key can be retired.
/// </summary>
public sealed record RewrapDataKeys(int BatchSize = 500);

public sealed class RewrapDataKeysHandler(EntraideDbContext db, AuditRecorder audit, EvidenceKeys keys) : IHandler
{
    public async Task<int> HandleAsync(RewrapDataKeys command, CancellationToken ct)
    {
        var current = keys.CurrentId;
        var total = 0;
        while (true)
        {
            var batch = await db.Set<EvidenceItem>().Where(i => i.KeyId != current).OrderBy(i => i.Id)
                .Take(Math.Clamp(command.BatchSize, 1, 5000)).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var item in batch)
            {
                var (wrapped, keyId) = keys.Rewrap(item.Id, item.KeyId, item.WrappedKey);
                item.Rewrap(keyId, wrapped);
            }
            audit.Action = "evidence.item.rewrap";
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
