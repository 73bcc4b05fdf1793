using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Infrastructure.Persistence;

/// <summary>
/// A counter per entity type, moved after every committed save that added, changed or removed rows of
/// that type in this process. A per-process cache of rows that are read far more often than written
/// (the accounts a notification goes to, say) reads the stamp of its types before reading the rows and
/// keeps them while the stamp is unchanged; a change committed by another process (the CLI, another
/// server instance) is seen when the cache's own time limit runs out.
/// </summary>
public sealed class EntityChanges
{
    private readonly ConcurrentDictionary<Type, StrongBox<long>> _versions = new();

    /// <summary>A number that changes whenever rows of any of <paramref name="types"/> were saved.</summary>
    public long Stamp(params ReadOnlySpan<Type> types)
    {
        long sum = 0;
        foreach (var t in types) sum += Volatile.Read(ref Box(t).Value);
        return sum;
    }

    internal static HashSet<Type>? Collect(DbContext db)
    {
        HashSet<Type>? changed = null;
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                (changed ??= []).Add(e.Metadata.ClrType);
        }
        return changed;
    }

    internal void Committed(HashSet<Type>? changed)
    {
        if (changed is null) return;
        foreach (var t in changed) Interlocked.Increment(ref Box(t).Value);
    }

    private StrongBox<long> Box(Type t) => _versions.GetOrAdd(t, static _ => new StrongBox<long>());
}

/// <summary>Moves the counters of rows saved inside an explicit transaction once it commits.</summary>
internal sealed class EntityChangesOnCommit : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public static readonly EntityChangesOnCommit Instance = new();

    public override void TransactionCommitted(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        (eventData.Context as EntraideDbContext)?.TransactionEnded(committed: true);

    public override Task TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as EntraideDbContext)?.TransactionEnded(committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        (eventData.Context as EntraideDbContext)?.TransactionEnded(committed: false);

    public override Task TransactionRolledBackAsync(
        System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as EntraideDbContext)?.TransactionEnded(committed: false);
        return Task.CompletedTask;
    }
}
