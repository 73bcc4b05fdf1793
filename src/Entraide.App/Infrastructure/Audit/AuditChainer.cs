using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Infrastructure.Audit;

/// <summary>
/// Links committed audit entries into the hash chain, in the order they become visible (commit
/// order). Writers never wait for each other on the chain: they only insert; this single appender
/// gives each entry its sequence number and hash afterwards. Two appenders (the server and the CLI,
/// say) cannot fork the chain: each batch moves the chain head with a compare-and-set, and a batch
/// that loses the race is rolled back and retried.
/// </summary>
public sealed partial class AuditChainer(
    IServiceScopeFactory scopes, AuditSignal signal, AuditKeys keys, Hosting.StartupState startup, ScaleOut.BackgroundLease lease,
    ILogger<AuditChainer> logger) : BackgroundService
{
    public const int BatchSize = 2000;

    /// <summary>The rest after a pass that linked entries, so that the next pass links all that came meanwhile.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before start-up is behind the server: the database migrated, the server answering and the
        // background seeding and warm-up done. The first pass builds Entity Framework's context and
        // compiles its queries, update and save — seconds of CPU that would otherwise compete with the
        // host's start and the first requests. Entries written meanwhile (the roles' on a first start,
        // the demo content's) are linked right after, in commit order as always.
        try
        {
            await startup.Prepared.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) { return; }
        catch (Exception) { return; } // the host's start fails with the preparation's error
        await startup.Seeded.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var head = new KnownHead();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One appender per database while several instances serve it: the holder of the lease. The
                // others' saves do not wake it; it finds their entries at its next pass (within a second).
                await lease.WhenHeldAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
                // Under a steady flow of writes every save wakes the chainer: linking what came in during a short
                // pause costs one pass (a read, the head's update, the entries' update, a commit) for many saves
                // instead of one pass for each. The chain is then at most that pause behind the commits.
                var done = await ChainPendingAsync(db, keys, head, stoppingToken);
                foreach (var id in done.Refused) LogRefused(logger, id);
                if (done.Linked > 0)
                    await Task.Delay(Pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogChainingFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Chains every entry committed so far whose seal is genuine; returns how many were linked, and the
    /// ids of the entries refused (kept out of the chain for good) because their seal does not match.
    /// </summary>
    public static Task<AuditChaining> ChainPendingAsync(EntraideDbContext db, CancellationToken ct = default) =>
        ChainPendingAsync(db, AuditKeys.Of(db), ct);

    public static Task<AuditChaining> ChainPendingAsync(EntraideDbContext db, AuditKeys keys, CancellationToken ct = default) =>
        ChainPendingAsync(db, keys, new KnownHead(), ct);

    /// <summary>
    /// The chain head as this appender last read or moved it. Only a hint: the head's conditional update
    /// fails if another appender moved it since, and the head is then read again.
    /// </summary>
    private sealed class KnownHead
    {
        public long Sequence;
        public string? Hash;
    }

    private static async Task<AuditChaining> ChainPendingAsync(EntraideDbContext db, AuditKeys keys, KnownHead known, CancellationToken ct)
    {
        long total = 0;
        var conflicts = 0;
        var refused = new List<long>();
        while (true)
        {
            var n = await ChainBatchAsync(db, keys, known, refused, ct);
            if (n < 0)
            {
                if (++conflicts > 50) throw new InvalidOperationException("The audit chain head kept moving; another appender is running.");
                await Task.Delay(20, ct);
                continue;
            }
            total += n;
            if (n < BatchSize) return new AuditChaining(total - refused.Count, refused);
        }
    }

    // Returns how many pending entries the batch took (linked or refused), or -1 when another appender moved the head.
    private static async Task<int> ChainBatchAsync(EntraideDbContext db, AuditKeys keys, KnownHead known, List<long> refusedSoFar,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Read before any transaction: a wake-up whose entries an earlier pass already linked costs one
        // query. The head (when not known from the last batch) is read first: the conditional update of
        // the head below fails if anyone linked anything since, so no entry read as pending can have been
        // linked meanwhile.
        if (known.Hash is null)
        {
            var read = await db.Set<AuditChainHead>().AsNoTracking().Where(h => h.Id == AuditChainHead.SingletonId).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException("The chain head row (trust_audit_head) is missing: nothing is linked until it is " +
                    "restored. Run `entraide audit verify`.");
            (known.Sequence, known.Hash) = (read.Sequence, read.Hash);
        }
        var (headSequence, headHash) = (known.Sequence, known.Hash);
        // On PostgreSQL the batch is written with one statement (below), so the entries need no tracking.
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var query = db.Set<AuditEntry>().Where(e => e.Sequence == null && e.Hash == null).OrderBy(e => e.Id).Take(BatchSize);
        var taken = await (postgres ? query.AsNoTracking() : query).ToListAsync(ct);
        if (taken.Count == 0) return 0;
        // An entry whose seal does not match was not written by Entraide (or was altered since): it is
        // kept out of the chain, marked so that no later pass takes it again, and reported.
        var pending = new List<AuditEntry>(taken.Count);
        var refused = new List<long>();
        foreach (var e in taken)
        {
            if (keys.SealMatches(e)) pending.Add(e);
            else refused.Add(e.Id);
        }
        // The batch is all or nothing; a savepoint around its one save would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var previous = Convert.FromHexString(headHash);
        var seq = headSequence;
        if (!postgres)
        {
            foreach (var e in taken.Where(e => refused.Contains(e.Id))) e.Hash = AuditEntry.RefusedMark;
        }
        foreach (var e in pending)
        {
            e.Sequence = ++seq;
            previous = AuditChain.Link(previous, Fields(e));
            e.Hash = Convert.ToHexStringLower(previous);
        }
        var newHash = Convert.ToHexStringLower(previous);
        var moved = await db.Set<AuditChainHead>()
            .Where(h => h.Id == AuditChainHead.SingletonId && h.Sequence == headSequence)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, seq).SetProperty(h => h.Hash, newHash), ct);
        if (moved == 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            known.Hash = null;
            return -1;
        }
        try
        {
            if (postgres)
            {
                // One UPDATE for the whole batch instead of one per entry.
                var ids = pending.Select(e => e.Id).ToArray();
                var sequences = pending.Select(e => e.Sequence!.Value).ToArray();
                var hashes = pending.Select(e => e.Hash!).ToArray();
                if (ids.Length > 0)
                {
                    await db.Database.ExecuteSqlAsync($"""
                        UPDATE trust_audit_entries AS e SET "Sequence" = v.s, "Hash" = v.h
                        FROM unnest({ids}, {sequences}, {hashes}) AS v(i, s, h) WHERE e."Id" = v.i
                        """, ct);
                }
                if (refused.Count > 0)
                {
                    var refusedIds = refused.ToArray();
                    await db.Database.ExecuteSqlAsync(
                        $"UPDATE trust_audit_entries SET \"Hash\" = {AuditEntry.RefusedMark} WHERE \"Id\" = ANY({refusedIds})", ct);
                }
            }
            else await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            known.Hash = null;
            throw;
        }
        db.ChangeTracker.Clear();
        (known.Sequence, known.Hash) = (seq, newHash);
        refusedSoFar.AddRange(refused);
        return taken.Count;
    }

    internal static AuditFields Fields(AuditEntry e) => new(
        e.Id, e.Sequence ?? 0, e.OccurredAtMs, e.ActorId, e.StateCode, e.Action, e.EntityType, e.EntityId, e.BeforeDigest, e.AfterDigest);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry #{Id} is not sealed with this installation's audit key: it was not written " +
        "by Entraide or was altered before it was chained, and is kept out of the chain")]
    private static partial void LogRefused(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Linking audit entries into the chain failed; retrying")]
    private static partial void LogChainingFailed(ILogger logger, Exception ex);
}

/// <summary>What a chaining pass did: entries linked, and the ids of those refused because their seal does not match.</summary>
public sealed record AuditChaining(long Linked, IReadOnlyList<long> Refused);
