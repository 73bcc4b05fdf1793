using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
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
/// and a <c>ping</c> every <see cref="Heartbeat"/> so that proxies keep the connection and a closed page is noticed.
/// </summary>
internal static class LiveEndpoints
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/live", Stream).RequireRoles(Roles.PointOfContact).WithTags("Cooperation").WithName("StreamEmergencies")
            .WithSummary("Server-Sent Events for the caller's State's 24/7 point: the emergency requests awaiting acknowledgement, then each new "
                + "or escalated one as it arrives. Only the caller's own inbox feeds it.");
    }

    private static ServerSentEventsResult<EmergencyAlert> Stream(EmergencyAlerts alerts, ILiveNotifications live, ICurrentActor current,
        TimeProvider clock, HttpContext http) =>
        TypedResults.ServerSentEvents(Events(alerts, live, current.Current, clock, http.RequestAborted));

    private static async IAsyncEnumerable<SseItem<EmergencyAlert>> Events(EmergencyAlerts alerts, ILiveNotifications live, Actor actor,
        TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = Channel.CreateBounded<SseItem<EmergencyAlert>>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Listening starts before the snapshot is read, so that nothing committed in between is missed.
        var listening = live.ListenAsync(actor.Id, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = listening.MoveNextAsync();
        foreach (var open in await alerts.OpenAsync(ct)) yield return Item(open);
        var pump = PumpAsync(alerts, actor, listening, first, items.Writer, stop.Token);
        var beat = BeatAsync(items.Writer, clock, stop.Token);
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

    private static async Task BeatAsync(ChannelWriter<SseItem<EmergencyAlert>> writer, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Heartbeat, clock);
        while (await timer.WaitForNextTickAsync(ct)) await writer.WriteAsync(new SseItem<EmergencyAlert>(null!, "ping"), ct);
    }

    private static SseItem<EmergencyAlert> Item(EmergencyAlert a) => new(a, "emergency") { EventId = a.Id.ToString() };

    private static async Task Quietly(Task t)
    {
        try { await t; } catch (OperationCanceledException) { }
    }
}
