using System.Collections.Concurrent;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Microsoft.AspNetCore.Identity;

namespace Entraide.App.Notifications;

/// <summary>
/// The accounts (by State and roles) and the active webhooks (by State) that notifications go to,
/// kept per process: every submission notifies the same few accounts of the requested State, which
/// change rarely. An entry is read again as soon as this process commits a change to accounts, roles
/// or webhooks (<see cref="EntityChanges"/>), and after <see cref="Lifetime"/> in any case, which
/// bounds how long a change made by another process (the CLI, another server instance) takes to apply.
/// </summary>
public sealed class RecipientCache(EntityChanges changes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 5_000;
    private static readonly Type[] AccountTypes = [typeof(EntraideUser), typeof(IdentityUserRole<string>), typeof(IdentityRole)];
    private static readonly Type[] HookTypes = [typeof(WebhookSubscription)];

    private readonly ConcurrentDictionary<string, Entry<NotificationAccount>> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<NotificationHook>> _hooks = new(StringComparer.Ordinal);

    internal static string AccountsKey(string? state, IReadOnlyList<string> roles) =>
        (state ?? "") + "|" + string.Join(",", roles.Order(StringComparer.Ordinal));

    internal IReadOnlyList<NotificationAccount> Accounts(string key, Func<List<NotificationAccount>> load) => Get(_accounts, key, AccountTypes, load);

    internal ValueTask<IReadOnlyList<NotificationAccount>> AccountsAsync(string key, Func<Task<List<NotificationAccount>>> load) =>
        GetAsync(_accounts, key, AccountTypes, load);

    internal IReadOnlyList<NotificationHook> Hooks(string state, Func<List<NotificationHook>> load) => Get(_hooks, state, HookTypes, load);

    internal ValueTask<IReadOnlyList<NotificationHook>> HooksAsync(string state, Func<Task<List<NotificationHook>>> load) =>
        GetAsync(_hooks, state, HookTypes, load);

    private IReadOnlyList<T> Get<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, Type[] types, Func<List<T>> load)
    {
        var stamp = changes.Stamp(types);
        if (Fresh(cache, key, stamp) is { } rows) return rows;
        var loaded = load();
        Keep(cache, key, stamp, loaded);
        return loaded;
    }

    private async ValueTask<IReadOnlyList<T>> GetAsync<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, Type[] types, Func<Task<List<T>>> load)
    {
        // The stamp is read before the rows: a change committed while they are read leaves the entry stale at once.
        var stamp = changes.Stamp(types);
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

internal sealed record NotificationAccount(string Id, string? Email, DateTimeOffset? LockoutEnd);

internal sealed record NotificationHook(Guid Id, string Events);
