using Entraide.App.Infrastructure.Persistence;
using Npgsql;

namespace Entraide.App.Infrastructure.ScaleOut;

/// <summary>
/// Entity types whose committed changes are announced to every other process on the database, because a
/// per-process cache keeps their rows (API tokens, the accounts and webhooks notifications go to …). A module
/// registers its own: <c>services.AddSingleton(new SharedChanges(typeof(ApiToken)))</c>.
/// </summary>
public sealed record SharedChanges(params Type[] Types)
{
    /// <summary>The PostgreSQL channel of the announcements.</summary>
    public const string Channel = "entraide_changes";

    /// <summary>A type's name in an announcement (the same in every process of one version).</summary>
    public static string NameOf(Type t) => t.FullName ?? t.Name;

    /// <summary>An announcement: the sending process, then the names of the types its commit changed.</summary>
    internal static string Payload(string origin, string names) => origin + "|" + names;

    internal static (string Origin, string[] Names)? Parse(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        return bar <= 0 ? null : (payload[..bar], payload[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>
/// Hears, on one connection of its own (<c>LISTEN</c>), the changes other processes committed to shared types
/// and moves this process's change counters (<see cref="EntityChanges"/>), so its caches read those rows again
/// within moments of the commit. Notifications are sent inside the saving transaction, so they arrive only if
/// it commits. They are not replayed: after the connection was lost, every counter moves once it is back.
/// PostgreSQL only; on SQLite there is one process.
/// </summary>
public sealed partial class ChangeListener(DatabaseSettings database, EntityChanges changes, ILogger<ChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private volatile bool _listening;

    /// <summary>Whether announcements are heard now (null where there is nothing to hear: SQLite, or no shared type).</summary>
    public bool? Listening => Active ? _listening : null;

    private bool Active => database.Provider == DatabaseProvider.Postgres && changes.AnyShared;

    /// <summary>
    /// The listener's connection: named in <c>pg_stat_activity</c>, and pinged while idle so that a connection
    /// broken without a word (a network fault) is noticed within seconds.
    /// </summary>
    internal static string ListenerConnection(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "Entraide change listener",
            KeepAlive = 5,
            Pooling = false,
            Multiplexing = false,
        }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Active) return;
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(ListenerConnection(database.ConnectionString));
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = conn.CreateCommand())
                {
                    listen.CommandText = "LISTEN " + SharedChanges.Channel;
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was committed before this LISTEN, while nothing was heard, is read again.
                changes.ChangedAnywhere();
                _listening = true;
                backoff = TimeSpan.FromMilliseconds(200);
                LogListening(logger);
                while (true) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                if (_listening) LogLost(logger, ex);
                _listening = false;
                // Announcements sent meanwhile are lost: stop trusting the caches now, and again once back.
                changes.ChangedAnywhere();
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private void Heard(string payload)
    {
        if (SharedChanges.Parse(payload) is not { } p || p.Origin == changes.Origin) return;
        changes.ChangedElsewhere(p.Names);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for changes committed by other instances")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection that hears other instances' changes was lost; reconnecting")]
    private static partial void LogLost(ILogger logger, Exception ex);
}
