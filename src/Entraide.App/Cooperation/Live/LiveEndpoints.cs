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
/// (<c>event: emergency</c>), then each new or escalated one as its notification reaches the caller's inbox,
/// and a <c>ping</c> every heartbeat (<c>Cooperation:LiveHeartbeatSeconds</c>, 15) so that proxies keep the connection
/// and a closed page is noticed. At every heartbeat the session or token that opened the stream is checked again: a
/// stream ends with its session (sign-out, a reset authenticator) or its token (revoked, expired), as any request would.
/// </summary>
internal static class LiveEndpoints
{
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/live", Stream).RequireRoles(Roles.PointOfContact).WithTags("Cooperation").WithName("StreamEmergencies")
            .WithSummary("Server-Sent Events for the caller's State's 24/7 point: the emergency requests awaiting acknowledgement, then each new "
                + "or escalated one as it arrives. Only the caller's own inbox feeds it.");
    }

    private static ServerSentEventsResult<EmergencyAlert> Stream(EmergencyAlerts alerts, ILiveNotifications live, ICurrentActor current,
        ISessionCheck session, IConfiguration config, TimeProvider clock, HttpContext http)
    {
        var seconds = config.GetValue("Cooperation:LiveHeartbeatSeconds", DefaultHeartbeat.TotalSeconds);
        var heartbeat = TimeSpan.FromSeconds(Math.Clamp(seconds, 0.2, 300));
        var beat = new Heartbeat(heartbeat, clock, session, http.User);
        return TypedResults.ServerSentEvents(Events(alerts, live, current.Current, beat, http.RequestAborted));
    }

    /// <summary>How often the stream pings, and the principal whose session is checked at each ping.</summary>
    private sealed record Heartbeat(TimeSpan Interval, TimeProvider Clock, ISessionCheck Session, ClaimsPrincipal Principal);

    private static async IAsyncEnumerable<SseItem<EmergencyAlert>> Events(EmergencyAlerts alerts, ILiveNotifications live, Actor actor,
        Heartbeat heartbeat, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = Channel.CreateBounded<SseItem<EmergencyAlert>>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Listening starts before the snapshot is read, so that nothing committed in between is missed.
        var listening = live.ListenAsync(actor.Id, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = listening.MoveNextAsync();
        foreach (var open in await alerts.OpenAsync(ct)) yield return Item(open);
        var pump = PumpAsync(alerts, actor, listening, first, items.Writer, stop.Token);
        var beat = BeatAsync(items.Writer, heartbeat, stop.Token);
        try
        {
            await foreach (var item in items.Reader.ReadAllAsync(ct)) yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(Quietly(pump), Quietly(beat));
            await listening.DisposeAsync();
        }
    }

    private static async Task PumpAsync(EmergencyAlerts alerts, Actor actor, IAsyncEnumerator<LiveNotification> listening, ValueTask<bool> first,
        ChannelWriter<SseItem<EmergencyAlert>> writer, CancellationToken ct)
    {
        try
        {
            var next = first;
            while (await next)
            {
                var n = listening.Current;
                if (await alerts.OfAsync(actor, n.Kind, n.SubjectId, ct) is { } alert) await writer.WriteAsync(Item(alert), ct);
                next = listening.MoveNextAsync();
            }
        }
        finally
        {
            // The stream ends with the feed (a page closed, the server stopping, the database failing): the browser reconnects.
            writer.TryComplete();
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
