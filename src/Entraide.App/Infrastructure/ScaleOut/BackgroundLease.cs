using Entraide.App.Infrastructure.Persistence;
using Medallion.Threading.Postgres;

namespace Entraide.App.Infrastructure.ScaleOut;

/// <summary>
/// Which server instance runs the background work that must not run twice (the clock sweep, the audit
/// chainer, the audit checkpoints). On PostgreSQL it is the instance holding a session-level advisory
/// lock on a connection of its own: the lock ends with that connection, so when the holder dies (even
/// killed) PostgreSQL releases it and another instance takes it at its next attempt
/// (<see cref="RetryInterval"/>). On SQLite there is one process, which always holds it.
/// Why an advisory lock rather than a clustered job store: docs/decisions/scale-out-background-lease.md.
/// </summary>
public sealed partial class BackgroundLease : BackgroundService
{
    /// <summary>The advisory lock's key, the same on every instance of one database.</summary>
    public const string LockName = "entraide:background-work";

    /// <summary>Set to false only where every process must run its own background work (in-process tests).</summary>
    public const string Setting = "ScaleOut:BackgroundLease";

    private readonly PostgresDistributedLock? _lock;
    private readonly TimeProvider _clock;
    private readonly ILogger<BackgroundLease> _logger;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _heldSinceTicks;

    public BackgroundLease(DatabaseSettings database, IConfiguration configuration, TimeProvider clock, ILogger<BackgroundLease> logger)
    {
        _clock = clock;
        _logger = logger;
        RetryInterval = TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue("ScaleOut:LeaseRetrySeconds", 1.0)));
        var keepalive = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("ScaleOut:LeaseKeepaliveSeconds", 5.0)));
        Shared = database.Provider == DatabaseProvider.Postgres && configuration.GetValue(Setting, true);
        if (Shared)
        {
            // A connection of its own (no multiplexing), pinged every few seconds: a connection that breaks
            // is noticed by that ping, and the work stops here before another instance can take the lock.
            _lock = new PostgresDistributedLock(new PostgresAdvisoryLockKey(LockName, allowHashing: true),
                LeaseConnection(database.ConnectionString), o => o.UseMultiplexing(false).KeepaliveCadence(keepalive));
        }
        else
        {
            MarkHeld();
        }
    }

    /// <summary>
    /// The lease's connection: named in <c>pg_stat_activity</c>, and checked by the server while a query runs
    /// (<c>client_connection_check_interval</c>, PostgreSQL 14+). The lock's watch over its connection keeps a
    /// query running on it, and without that check a holder killed meanwhile would keep the lock until the query
    /// ended (measured: 22 s); with it, PostgreSQL ends the session, and the lock, within a second.
    /// </summary>
    internal static string LeaseConnection(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "Entraide background lease" };
        b.Options = ((b.Options ?? "") + " -c client_connection_check_interval=1000").Trim();
        return b.ConnectionString;
    }

    /// <summary>Whether the lease is shared with other instances through the database (PostgreSQL) or held by this process alone.</summary>
    public bool Shared { get; }

    /// <summary>How often an instance that does not hold the lease tries to take it.</summary>
    public TimeSpan RetryInterval { get; }

    /// <summary>Whether this instance holds the lease now.</summary>
    public bool IsHeld => _held.Task.IsCompleted;

    /// <summary>Since when this instance holds the lease, or null.</summary>
    public DateTimeOffset? HeldSince => IsHeld ? new DateTimeOffset(Interlocked.Read(ref _heldSinceTicks), TimeSpan.Zero) : null;

    /// <summary>Completes once this instance holds the lease (at once when it holds it already).</summary>
    public Task WhenHeldAsync(CancellationToken ct) => Volatile.Read(ref _held).Task.WaitAsync(ct);

    private void MarkHeld()
    {
        Interlocked.Exchange(ref _heldSinceTicks, _clock.GetUtcNow().UtcTicks);
        Volatile.Read(ref _held).TrySetResult();
    }

    private void MarkReleased()
    {
        if (_held.Task.IsCompleted) Interlocked.Exchange(ref _held, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_lock is null) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            PostgresDistributedLockHandle? handle = null;
            try
            {
                handle = await _lock.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogAcquireFailed(_logger, ex);
            }
            if (handle is null)
            {
                await Task.Delay(RetryInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            await HoldAsync(handle, stoppingToken);
        }
    }

    // Holds the lease until its connection is lost or the host stops; on a stop the lock is released at once,
    // so another instance takes over at its next attempt rather than when the connection times out.
    private async Task HoldAsync(PostgresDistributedLockHandle handle, CancellationToken stoppingToken)
    {
        MarkHeld();
        LogAcquired(_logger);
        try
        {
            using var lostOrStopped = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, handle.HandleLostToken);
            await Task.Delay(Timeout.Infinite, lostOrStopped.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            MarkReleased();
            if (!stoppingToken.IsCancellationRequested) LogLost(_logger);
            try
            {
                await handle.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A lost connection cannot unlock; PostgreSQL released the lock with the session already.
                LogReleaseFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now holds the background-work lease")]
    private static partial void LogAcquired(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background-work lease was lost (its database connection broke); trying to take it again")]
    private static partial void LogLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trying to take the background-work lease failed; trying again")]
    private static partial void LogAcquireFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing the background-work lease failed")]
    private static partial void LogReleaseFailed(ILogger logger, Exception ex);
}
