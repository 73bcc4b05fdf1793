using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications.Live;

/// <summary>
/// The live feed behind <see cref="ILiveNotifications"/>. While at least one page listens, one loop per
/// process reads the urgent inbox items of the listening accounts committed since it last looked (one
/// query on the inbox's account index, whatever the number of pages) and hands each to the pages of its
/// account. A commit in this process wakes the loop at once (<see cref="NotificationSignal.WakeLive"/>);
/// a commit in another process is found by the next poll. Items are looked for over a short window
/// (<see cref="CommitWindow"/>), because an item's time is taken before its transaction commits: a slow
/// commit is still found, and each page is handed an item once.
/// </summary>
public sealed class LiveFeed(IServiceScopeFactory scopes, NotificationSignal signal, TimeProvider clock,
    IOptionsMonitor<NotificationSettings> settings, ILogger<LiveFeed> log) : BackgroundService, ILiveNotifications
{
    /// <summary>How far behind the newest item an uncommitted one may still be written (a long transaction).</summary>
    public static readonly TimeSpan CommitWindow = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Listener> _listeners = new();
    private readonly SemaphoreSlim _listenerAdded = new(0, 1);

    /// <summary>How many pages listen in this process.</summary>
    public int Listeners => _listeners.Count;

    public async IAsyncEnumerable<LiveNotification> ListenAsync(string accountId, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var listener = new Listener(accountId, clock.GetUtcNow());
        var key = Guid.NewGuid();
        _listeners[key] = listener;
        if (_listenerAdded.CurrentCount == 0)
        {
            try { _listenerAdded.Release(); } catch (SemaphoreFullException) { }
        }
        try
        {
            await foreach (var n in listener.Items.Reader.ReadAllAsync(ct)) yield return n;
        }
        finally
        {
            _listeners.TryRemove(key, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_listeners.IsEmpty)
                {
                    await _listenerAdded.WaitAsync(stoppingToken);
                    continue;
                }
                await PollAsync(stoppingToken);
                await signal.WaitLiveAsync(TimeSpan.FromMilliseconds(Math.Max(20, settings.CurrentValue.LivePollMilliseconds)), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database that is briefly unreachable must not end the feed: the pages keep listening.
                log.LogWarning(ex, "The live feed could not read the inbox; it tries again");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var listeners = _listeners.Values.ToList();
        if (listeners.Count == 0) return;
        var accounts = listeners.Select(l => l.AccountId).Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        var since = Max(now - CommitWindow, listeners.Min(l => l.Since));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        // Unread items only: they are on the inbox's (account, read, time) index, and a page's own reader cannot
        // have read an item that was just committed.
        var items = await db.Set<InboxItem>().AsNoTracking()
            .Where(i => accounts.Contains(i.UserId) && i.ReadAt == null && i.Urgent && i.CreatedAt > since)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.UserId, i.CreatedAt, i.Message!.Kind, i.Message.SubjectId, i.Message.Link })
            .ToListAsync(ct);
        foreach (var l in listeners)
        {
            foreach (var i in items)
            {
                if (i.UserId != l.AccountId || i.CreatedAt < l.Since) continue;
                l.Offer(new LiveNotification(i.Id, i.Kind, i.SubjectId, i.Link, i.CreatedAt));
            }
            l.Forget(now - CommitWindow - CommitWindow);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Listener(string accountId, DateTimeOffset since)
    {
        private readonly Dictionary<Guid, DateTimeOffset> _handed = [];

        public string AccountId { get; } = accountId;

        /// <summary>When the page started listening: what was committed before, it read when it was drawn.</summary>
        public DateTimeOffset Since { get; } = since - TimeSpan.FromSeconds(2);

        public Channel<LiveNotification> Items { get; } =
            Channel.CreateBounded<LiveNotification>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });

        public void Offer(LiveNotification n)
        {
            if (!_handed.TryAdd(n.Id, n.CreatedAt)) return;
            Items.Writer.TryWrite(n);
        }

        public void Forget(DateTimeOffset before)
        {
            foreach (var (id, at) in _handed)
            {
                if (at < before) _handed.Remove(id);
            }
        }
    }
}
