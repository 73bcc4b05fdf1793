using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Notifications;

internal static class NotificationsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/notifications").WithTags("Notifications");
        mine.MapGet("/", async (int? page, int? pageSize, bool? unread, Inbox inbox, CancellationToken ct) =>
                TypedResults.Ok(await inbox.ListAsync(page, pageSize, unread ?? false, ct)))
            .RequireSignedIn().WithName("ListMyNotifications")
            .WithSummary("The signed-in account's notifications: unread first (urgent ones at the top), then newest first; paged.");
        mine.MapGet("/unread-count", async (Inbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.UnreadAsync(ct)))
            .RequireSignedIn().WithName("CountMyUnreadNotifications");
        mine.MapPost("/{notificationId:guid}/read", async (Guid notificationId, Inbox inbox, CancellationToken ct) =>
                TypedResults.Ok(await inbox.MarkReadAsync(notificationId, ct)))
            .RequireSignedIn().WithName("MarkNotificationRead");
        mine.MapPost("/read-all", async (Inbox inbox, CancellationToken ct) => TypedResults.Ok(new { marked = await inbox.MarkAllReadAsync(ct) }))
            .RequireSignedIn().WithName("MarkAllNotificationsRead");
        mine.MapGet("/kinds", () => TypedResults.Ok(NotificationKinds.All))
            .RequireSignedIn().WithName("ListNotificationKinds")
            .WithSummary("The event kinds a webhook can subscribe to.");

        var hooks = api.MapGroup("/webhooks").WithTags("Notifications");
        hooks.MapGet("/", async (WebhookCommands c, CancellationToken ct) => TypedResults.Ok(await c.ListAsync(ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("ListWebhooks");
        hooks.MapPost("/", async Task<Created<CreatedWebhook>> (CreateWebhook cmd, WebhookCommands c, CancellationToken ct) =>
            {
                var created = await c.CreateAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
            })
            .RequireRoles(Roles.StateAdministrator).WithName("CreateWebhook")
            .WithSummary("Subscribes a State's system to events. The signing secret is in the answer and is never shown again.");
        hooks.MapGet("/{webhookId:guid}", async (Guid webhookId, WebhookCommands c, CancellationToken ct) => TypedResults.Ok(await c.GetAsync(webhookId, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("GetWebhook");
        hooks.MapPut("/{webhookId:guid}", async (Guid webhookId, UpdateWebhook cmd, WebhookCommands c, CancellationToken ct) =>
                TypedResults.Ok(await c.UpdateAsync(webhookId, cmd, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("UpdateWebhook");
        hooks.MapDelete("/{webhookId:guid}", async (Guid webhookId, WebhookCommands c, CancellationToken ct) =>
            {
                await c.DeleteAsync(webhookId, ct);
                return TypedResults.NoContent();
            })
            .RequireRoles(Roles.StateAdministrator).WithName("DeleteWebhook");
        hooks.MapPost("/{webhookId:guid}/secret", async (Guid webhookId, WebhookCommands c, CancellationToken ct) =>
                TypedResults.Ok(await c.RotateSecretAsync(webhookId, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("RotateWebhookSecret");
        hooks.MapPost("/{webhookId:guid}/test", async (Guid webhookId, WebhookCommands c, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhooks/{webhookId}/deliveries", new { deliveryId = await c.SendTestAsync(webhookId, ct) }))
            .RequireRoles(Roles.StateAdministrator).WithName("TestWebhook");
        hooks.MapGet("/{webhookId:guid}/deliveries", async (Guid webhookId, int? take, WebhookCommands c, CancellationToken ct) =>
                TypedResults.Ok(await c.DeliveriesAsync(webhookId, take, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log: every attempt, newest first, with the receiver's answer.");
    }
}
