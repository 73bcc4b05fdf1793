using System.Diagnostics;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Register;

/// <summary>
/// The register's rows, held in memory: the register is read by everyone and changed rarely, and
/// loading some five hundred authorities costs more than shaping them. Every Network write in this
/// process invalidates it at once, and so does one committed by another instance or the CLI on PostgreSQL
/// (the Network's tables are <see cref="Infrastructure.ScaleOut.SharedChanges"/>: their change stamp moves when
/// the announcement arrives); <see cref="MaxAge"/> bounds what an unannounced change takes to show.
/// What depends on the clock (in office now, unanswered) is computed when the register is shown, not here.
/// </summary>
public sealed class RegisterSnapshot(EntityChanges changes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>The Network's tables: what the register and the cooperation profiles are read from.</summary>
    public static readonly Type[] Tables =
        [typeof(StateProfile), typeof(Authority), typeof(ProfileVersion), typeof(ProfileFlag), typeof(VerificationRound), typeof(VerificationCheck)];

    private Rows? _rows;
    private long _generation;

    public sealed record Rows(ILookup<string, Authority> ByState, IReadOnlyDictionary<string, DateTimeOffset> ProfileUpdated, long Generation,
        long LoadedAt);

    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Changes with every Network write, here or announced by another process; caches of what is derived from profiles compare it.</summary>
    public long Generation => Volatile.Read(ref _generation) + changes.Stamp(Tables);

    public async Task<Rows> GetAsync(EntraideDbContext db, CancellationToken ct)
    {
        var generation = Generation;
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
