using System.Diagnostics;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Register;

/// <summary>
/// The register's rows, held in memory: the register is read by everyone and changed rarely, and
/// loading some five hundred authorities costs more than shaping them. Every Network write in this
/// process invalidates it at once; a write made by another instance shows within <see cref="MaxAge"/>.
/// What depends on the clock (in office now, unanswered) is computed when the register is shown, not here.
/// </summary>
public sealed class RegisterSnapshot
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private Rows? _rows;
    private long _generation;

    public sealed record Rows(ILookup<string, Authority> ByState, IReadOnlyDictionary<string, DateTimeOffset> ProfileUpdated, long Generation,
        long LoadedAt);

    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Changes with every Network write in this process; caches of what is derived from profiles compare it.</summary>
    public long Generation => Volatile.Read(ref _generation);

    public async Task<Rows> GetAsync(EntraideDbContext db, CancellationToken ct)
    {
        var generation = Volatile.Read(ref _generation);
        var rows = Volatile.Read(ref _rows);
        if (rows is not null && rows.Generation == generation && Stopwatch.GetElapsedTime(rows.LoadedAt) < MaxAge) return rows;
        var authorities = await db.Set<Authority>().AsNoTracking().ToListAsync(ct);
        var updated = await db.Set<StateProfile>().AsNoTracking()
            .Select(p => new { p.State, p.UpdatedAt }).ToDictionaryAsync(p => p.State, p => p.UpdatedAt, StringComparer.Ordinal, ct);
        // Stamped with the generation read before loading: a write made meanwhile forces the next reload.
        rows = new Rows(authorities.ToLookup(a => a.State, StringComparer.Ordinal), updated, generation, Stopwatch.GetTimestamp());
        Volatile.Write(ref _rows, rows);
        return rows;
    }
}
