using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Notifications.Inbox;

internal static class InboxEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("/", ListAsync)
            .RequireSignedIn().WithName("ListMyNotifications")
            .WithSummary("The signed-in account's notifications: unread first (urgent ones at the top), then newest first; paged.");
        g.MapGet("/unread-count", CountUnreadAsync)
            .RequireSignedIn().WithName("CountMyUnreadNotifications");
        g.MapPost("/{notificationId:guid}/read", MarkReadAsync)
            .RequireSignedIn().WithName("MarkNotificationRead");
        g.MapPost("/read-all", MarkAllReadAsync)
            .RequireSignedIn().WithName("MarkAllNotificationsRead");
        g.MapGet("/kinds", ListKinds)
            .RequireSignedIn().WithName("ListNotificationKinds")
            .WithSummary("The event kinds a webhook can subscribe to.");
    }

    private static async Task<Ok<NotificationPage>> ListAsync(int? page, int? pageSize, bool? unread, InboxQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(page, pageSize, unread ?? false, ct));

    private static async Task<Ok<UnreadCount>> CountUnreadAsync(InboxQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.UnreadAsync(ct));

    private static async Task<Ok<NotificationView>> MarkReadAsync(Guid notificationId, MarkNotificationReadHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new MarkNotificationRead(notificationId), ct));

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(MarkAllNotificationsReadHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new MarkAllNotificationsRead(), ct));

    private static Ok<IReadOnlyList<string>> ListKinds() => TypedResults.Ok(NotificationKinds.All);
}
