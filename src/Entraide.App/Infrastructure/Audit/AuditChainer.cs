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
    IServiceScopeFactory scopes, AuditSignal signal, Hosting.StartupState startup, ILogger<AuditChainer> logger) : BackgroundService
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
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
                // Under a steady flow of writes every save wakes the chainer: linking what came in during a short
                // pause costs one pass (a read, the head's update, the entries' update, a commit) for many saves
                // instead of one pass for each. The chain is then at most that pause behind the commits.
                if (await ChainPendingAsync(db, head, stoppingToken) > 0)
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

    /// <summary>Chains every entry committed so far; returns how many were linked.</summary>
    public static Task<long> ChainPendingAsync(EntraideDbContext db, CancellationToken ct = default) => ChainPendingAsync(db, new KnownHead(), ct);

    /// <summary>
    /// The chain head as this appender last read or moved it. Only a hint: the head's conditional update
    /// fails if another appender moved it since, and the head is then read again.
    /// </summary>
    private sealed class KnownHead
    {
        public long Sequence;
        public string? Hash;
    }

    private static async Task<long> ChainPendingAsync(EntraideDbContext db, KnownHead known, CancellationToken ct)
    {
        long total = 0;
        var conflicts = 0;
        while (true)
        {
            var n = await ChainBatchAsync(db, known, ct);
            if (n < 0)
            {
                if (++conflicts > 50) throw new InvalidOperationException("The audit chain head kept moving; another appender is running.");
                await Task.Delay(20, ct);
                continue;
            }
            total += n;
            if (n < BatchSize) return total;
        }
    }

    private static async Task<int> ChainBatchAsync(EntraideDbContext db, KnownHead known, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Read before any transaction: a wake-up whose entries an earlier pass already linked costs one
        // query. The head (when not known from the last batch) is read first: the conditional update of
        // the head below fails if anyone linked anything since, so no entry read as pending can have been
        // linked meanwhile.
        if (known.Hash is null)
        {
            var read = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
            (known.Sequence, known.Hash) = (read.Sequence, read.Hash);
        }
        var (headSequence, headHash) = (known.Sequence, known.Hash);
        // On PostgreSQL the batch is written with one statement (below), so the entries need no tracking.
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var query = db.Set<AuditEntry>().Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(BatchSize);
        var pending = await (postgres ? query.AsNoTracking() : query).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        // The batch is all or nothing; a savepoint around its one save would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var previous = Convert.FromHexString(headHash);
        var seq = headSequence;
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
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE trust_audit_entries AS e SET "Sequence" = v.s, "Hash" = v.h
                    FROM unnest({ids}, {sequences}, {hashes}) AS v(i, s, h) WHERE e."Id" = v.i
                    """, ct);
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
        return pending.Count;
    }

    internal static AuditFields Fields(AuditEntry e) => new(
        e.Id, e.Sequence ?? 0, e.OccurredAtMs, e.ActorId, e.StateCode, e.Action, e.EntityType, e.EntityId, e.BeforeDigest, e.AfterDigest);

    [LoggerMessage(Level = LogLevel.Error, Message = "Linking audit entries into the chain failed; retrying")]
    private static partial void LogChainingFailed(ILogger logger, Exception ex);
}
