using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Notifications;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Cooperation.Live;

/// <summary>
/// The 24/7 point's live stream (Server-Sent Events): first the State's emergencies open now
/// (<c>event: emergency</c>) and <c>event: ready</c> once they are all sent (a page drops what it drew that is no longer
/// open), then each new or escalated one as its notification reaches the caller's inbox; <c>event: acknowledged</c>,
/// <c>withdrawn</c> or <c>closed</c> when one it was shown stops awaiting acknowledgement (a colleague acknowledged it on
/// another page); and a <c>ping</c> every heartbeat (<c>Cooperation:LiveHeartbeatSeconds</c>, 15) so that proxies keep the
/// connection and a closed page is noticed. At every heartbeat the session or token that opened the stream is checked again:
/// a stream ends with its session (sign-out, a reset authenticator) or its token (revoked, expired), as any request would.
/// An account holds at most <c>Cooperation:LiveStreamsPerAccount</c> streams at once (5): the next is refused with 429.
/// </summary>
internal static class LiveEndpoints
{
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultRecheck = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/live", Stream).RequireRoles(Roles.PointOfContact).WithTags("Cooperation").WithName("StreamEmergencies")
            .WithSummary("Server-Sent Events for the caller's State's 24/7 point: the emergency requests awaiting acknowledgement, then each new "
                + "or escalated one as it arrives, and each one acknowledged or withdrawn meanwhile. Only the caller's own inbox feeds it. "
                + "At most Cooperation:LiveStreamsPerAccount (5) streams per account: 429 beyond.");
    }

    private static Results<ServerSentEventsResult<EmergencyAlert>, ProblemHttpResult> Stream(EmergencyAlerts alerts, ILiveNotifications live,
        ICurrentActor current, ISessionCheck session, LiveStreamSlots slots, EmergencyChanges changes, IConfiguration config, TimeProvider clock,
        HttpContext http)
    {
        var actor = current.Current;
        var slot = slots.TryTake(actor.Id);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = "30";
            var limit = slots.PerAccount.ToString(System.Globalization.CultureInfo.CurrentCulture);
            return TypedResults.Problem(ProblemResponses.Build(http, StatusCodes.Status429TooManyRequests, "live-streams-exhausted", null, limit));
        }
        // Given back when the response ends, whether or not the stream was ever read.
        http.Response.RegisterForDispose(slot);
        var seconds = config.GetValue("Cooperation:LiveHeartbeatSeconds", DefaultHeartbeat.TotalSeconds);
        var heartbeat = TimeSpan.FromSeconds(Math.Clamp(seconds, 0.2, 300));
        var recheck = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Cooperation:LiveRecheckSeconds", DefaultRecheck.TotalSeconds), 0.2, 300));
        var beat = new Heartbeat(heartbeat, recheck, clock, session, http.User, changes);
        return TypedResults.ServerSentEvents(Events(alerts, live, actor, beat, http.RequestAborted));
    }

    /// <summary>How often the stream pings and looks again at what it showed, and the principal whose session is checked at each ping.</summary>
    private sealed record Heartbeat(TimeSpan Interval, TimeSpan Recheck, TimeProvider Clock, ISessionCheck Session, ClaimsPrincipal Principal,
        EmergencyChanges Changes);

    /// <summary>The emergencies the stream showed and that still await acknowledgement, as far as it knows.</summary>
    private sealed class Shown
    {
        private readonly HashSet<Guid> _ids = [];

        public void Add(Guid id)
        {
            lock (_ids) _ids.Add(id);
        }

        public bool Remove(Guid id)
        {
            lock (_ids) return _ids.Remove(id);
        }

        public Guid[] Snapshot()
        {
            lock (_ids) return [.. _ids];
        }
    }

    private static async IAsyncEnumerable<SseItem<EmergencyAlert>> Events(EmergencyAlerts alerts, ILiveNotifications live, Actor actor,
        Heartbeat heartbeat, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = Channel.CreateBounded<SseItem<EmergencyAlert>>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // One database context per request: the feed and the watch take turns on it.
        using var turn = new SemaphoreSlim(1, 1);
        var shown = new Shown();
        // Listening starts before the snapshot is read, so that nothing committed in between is missed.
        var listening = live.ListenAsync(actor.Id, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = listening.MoveNextAsync();
        foreach (var open in await alerts.OpenAsync(ct))
        {
            shown.Add(open.Id);
            yield return Item(open);
        }
        yield return new SseItem<EmergencyAlert>(null!, "ready");
        var pump = PumpAsync(alerts, actor, listening, first, items.Writer, shown, turn, stop.Token);
        var watch = WatchAsync(alerts, actor, shown, heartbeat, items.Writer, turn, stop.Token);
        var beat = BeatAsync(items.Writer, heartbeat, stop.Token);
        try
        {
            await foreach (var item in items.Reader.ReadAllAsync(ct)) yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(Quietly(pump), Quietly(watch), Quietly(beat));
            await listening.DisposeAsync();
        }
    }

    private static async Task PumpAsync(EmergencyAlerts alerts, Actor actor, IAsyncEnumerator<LiveNotification> listening, ValueTask<bool> first,
        ChannelWriter<SseItem<EmergencyAlert>> writer, Shown shown, SemaphoreSlim turn, CancellationToken ct)
    {
        try
        {
            var next = first;
            while (await next)
            {
                var n = listening.Current;
                EmergencyAlert? alert;
                await turn.WaitAsync(ct);
                try
                {
                    alert = await alerts.OfAsync(actor, n.Kind, n.SubjectId, ct);
                }
                finally
                {
                    turn.Release();
                }
                if (alert is not null)
                {
                    shown.Add(alert.Id);
                    await writer.WriteAsync(Item(alert), ct);
                }
                next = listening.MoveNextAsync();
            }
        }
        finally
        {
            // The stream ends with the feed (a page closed, the server stopping, the database failing): the browser reconnects.
            writer.TryComplete();
        }
    }

    /// <summary>
    /// Looks again at the emergencies shown, at once when one changes in this process and every <see cref="Heartbeat.Recheck"/>
    /// otherwise, and tells the page of each one that no longer awaits acknowledgement.
    /// </summary>
    private static async Task WatchAsync(EmergencyAlerts alerts, Actor actor, Shown shown, Heartbeat heartbeat,
        ChannelWriter<SseItem<EmergencyAlert>> writer, SemaphoreSlim turn, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // Taken before looking, so that a change committed while looking wakes the next round.
            var changed = heartbeat.Changes.Next;
            var ids = shown.Snapshot();
            if (ids.Length > 0)
            {
                IReadOnlyList<(EmergencyAlert Alert, string Event)> cleared;
                await turn.WaitAsync(ct);
                try
                {
                    cleared = await alerts.ClearedAsync(actor, ids, ct);
                }
                finally
                {
                    turn.Release();
                }
                foreach (var (alert, kind) in cleared)
                {
                    if (shown.Remove(alert.Id))
                        await writer.WriteAsync(new SseItem<EmergencyAlert>(alert, kind) { EventId = alert.Id.ToString() }, ct);
                }
            }
            try
            {
                await changed.WaitAsync(heartbeat.Recheck, heartbeat.Clock, ct);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private static async Task BeatAsync(ChannelWriter<SseItem<EmergencyAlert>> writer, Heartbeat heartbeat, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(heartbeat.Interval, heartbeat.Clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (!await heartbeat.Session.StillValidAsync(heartbeat.Principal, ct))
            {
                // Signed out, or the token revoked: the stream ends, and the browser's reconnection is refused (401).
                writer.TryComplete();
                return;
            }
            await writer.WriteAsync(new SseItem<EmergencyAlert>(null!, "ping"), ct);
        }
    }

    private static SseItem<EmergencyAlert> Item(EmergencyAlert a) => new(a, "emergency") { EventId = a.Id.ToString() };

    private static async Task Quietly(Task t)
    {
        try { await t; } catch (Exception e) when (e is OperationCanceledException or ChannelClosedException) { }
    }
}
