using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Infrastructure.Persistence;

/// <summary>
/// A counter per entity type, moved after every committed save that added, changed or removed rows of
/// that type in this process. A per-process cache of rows that are read far more often than written
/// (the accounts a notification goes to, say) reads the stamp of its types before reading the rows and
/// keeps them while the stamp is unchanged. The types registered as <see cref="ScaleOut.SharedChanges"/>
/// are also announced to the other processes on PostgreSQL (a <c>NOTIFY</c> in the saving transaction,
/// <see cref="ScaleOut.ChangeListener"/>), whose counters then move too; a change committed by a process that
/// does not announce it is seen when the cache's own time limit runs out.
/// </summary>
public sealed class EntityChanges
{
    private readonly ConcurrentDictionary<Type, StrongBox<long>> _versions = new();
    private readonly Dictionary<string, Type> _shared;
    private long _epoch;

    public EntityChanges() : this([])
    {
    }

    public EntityChanges(IEnumerable<ScaleOut.SharedChanges> shared)
    {
        _shared = shared.SelectMany(s => s.Types).Distinct().ToDictionary(ScaleOut.SharedChanges.NameOf, StringComparer.Ordinal);
    }

    /// <summary>This process, as named in the announcements it sends (it ignores its own).</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether any type's changes are announced to other processes.</summary>
    public bool AnyShared => _shared.Count > 0;

    /// <summary>A number that changes whenever rows of any of <paramref name="types"/> were saved.</summary>
    public long Stamp(params ReadOnlySpan<Type> types)
    {
        long sum = Volatile.Read(ref _epoch);
        foreach (var t in types) sum += Volatile.Read(ref Box(t).Value);
        return sum;
    }

    /// <summary>
    /// Moves every stamp, of every type: what another process changed while this one could not hear its
    /// announcements (the listener's connection was down) is read again.
    /// </summary>
    public void ChangedAnywhere() => Interlocked.Increment(ref _epoch);

    /// <summary>The names of the shared types among <paramref name="changed"/>, for the announcement; null when there is none.</summary>
    internal string? SharedNames(HashSet<Type>? changed)
    {
        if (changed is null || _shared.Count == 0) return null;
        List<string>? names = null;
        foreach (var t in changed)
        {
            var name = ScaleOut.SharedChanges.NameOf(t);
            if (_shared.ContainsKey(name)) (names ??= []).Add(name);
        }
        return names is null ? null : string.Join(",", names);
    }

    /// <summary>Another process announced a committed change of these types: the caches of this one read them again.</summary>
    internal void ChangedElsewhere(IEnumerable<string> names)
    {
        foreach (var n in names)
        {
            if (_shared.TryGetValue(n, out var t)) Interlocked.Increment(ref Box(t).Value);
        }
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
