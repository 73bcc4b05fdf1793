using System.Collections.Concurrent;
using Entraide.App.Trust;

namespace Entraide.App.Notifications.Outbox;

/// <summary>
/// The accounts (by State and roles) and the active webhooks (by State) that notifications go to,
/// kept per process: every submission notifies the same few accounts of the requested State, which
/// change rarely. The caller passes the stamp of what the rows come from (the account directory's
/// <see cref="IAccountDirectory.ChangeStamp"/>, the webhooks' change counter), read before the rows:
/// an entry is read again as soon as its stamp moves, and after <see cref="Lifetime"/> in any case,
/// which bounds how long a change made by another process (the CLI, another server instance) takes
/// to apply.
/// </summary>
public sealed class RecipientCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 5_000;

    private readonly ConcurrentDictionary<string, Entry<RoleHolder>> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<NotificationHook>> _hooks = new(StringComparer.Ordinal);

    internal static string AccountsKey(string? state, IReadOnlyCollection<string> roles) =>
        (state ?? "") + "|" + string.Join(",", roles.Order(StringComparer.Ordinal));

    internal IReadOnlyList<RoleHolder> Accounts(string key, long stamp, Func<List<RoleHolder>> load) => Get(_accounts, key, stamp, load);

    internal ValueTask<IReadOnlyList<RoleHolder>> AccountsAsync(string key, long stamp, Func<Task<List<RoleHolder>>> load) =>
        GetAsync(_accounts, key, stamp, load);

    internal IReadOnlyList<NotificationHook> Hooks(string state, long stamp, Func<List<NotificationHook>> load) => Get(_hooks, state, stamp, load);

    internal ValueTask<IReadOnlyList<NotificationHook>> HooksAsync(string state, long stamp, Func<Task<List<NotificationHook>>> load) =>
        GetAsync(_hooks, state, stamp, load);

    private IReadOnlyList<T> Get<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, long stamp, Func<List<T>> load)
    {
        if (Fresh(cache, key, stamp) is { } rows) return rows;
        var loaded = load();
        Keep(cache, key, stamp, loaded);
        return loaded;
    }

    private async ValueTask<IReadOnlyList<T>> GetAsync<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, long stamp,
        Func<Task<List<T>>> load)
    {
        if (Fresh(cache, key, stamp) is { } rows) return rows;
        var loaded = await load();
        Keep(cache, key, stamp, loaded);
        return loaded;
    }

    private IReadOnlyList<T>? Fresh<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, long stamp) =>
        cache.TryGetValue(key, out var e) && e.Stamp == stamp && e.Until > clock.GetUtcNow() ? e.Rows : null;

    private void Keep<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, long stamp, List<T> rows)
    {
        if (cache.Count >= MaxEntries) cache.Clear();
        cache[key] = new Entry<T>(rows, stamp, clock.GetUtcNow() + Lifetime);
    }

    private sealed record Entry<T>(IReadOnlyList<T> Rows, long Stamp, DateTimeOffset Until);
}

/// <summary>An active webhook of a State and the events it asked for (as stored).</summary>
internal sealed record NotificationHook(Guid Id, string Events);
