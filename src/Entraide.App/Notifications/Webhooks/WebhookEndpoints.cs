using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Notifications.Webhooks;

internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/webhooks").WithTags("Notifications");
        g.MapGet("/", ListAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("ListWebhooks");
        g.MapPost("/", CreateAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("CreateWebhook")
            .WithSummary("Subscribes a State's system to events. The signing secret is in the answer and is never shown again.");
        g.MapGet("/{webhookId:guid}", GetAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("GetWebhook");
        g.MapPut("/{webhookId:guid}", UpdateAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("UpdateWebhook");
        g.MapDelete("/{webhookId:guid}", DeleteAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("DeleteWebhook");
        g.MapPost("/{webhookId:guid}/secret", RotateSecretAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("RotateWebhookSecret");
        g.MapPost("/{webhookId:guid}/test", SendTestAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("TestWebhook");
        g.MapGet("/{webhookId:guid}/deliveries", DeliveriesAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log: every attempt, newest first, with the receiver's answer or what went wrong.");
    }

    private static async Task<Ok<IReadOnlyList<WebhookView>>> ListAsync(WebhookQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    private static async Task<Created<CreatedWebhook>> CreateAsync(CreateWebhook command, CreateWebhookHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(command, ct);
        return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
    }

    private static async Task<Ok<WebhookView>> GetAsync(Guid webhookId, WebhookQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(webhookId, ct));

    private static async Task<Ok<WebhookView>> UpdateAsync(Guid webhookId, UpdateWebhook command, UpdateWebhookHandler handler,
        CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(webhookId, command, ct));

    private static async Task<NoContent> DeleteAsync(Guid webhookId, DeleteWebhookHandler handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteWebhook(webhookId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CreatedWebhook>> RotateSecretAsync(Guid webhookId, RotateWebhookSecretHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new RotateWebhookSecret(webhookId), ct));

    private static async Task<Accepted<TestEventQueued>> SendTestAsync(Guid webhookId, SendWebhookTestHandler handler, CancellationToken ct) =>
        TypedResults.Accepted($"/api/v1/webhooks/{webhookId}/deliveries", await handler.HandleAsync(new SendWebhookTest(webhookId), ct));

    private static async Task<Ok<IReadOnlyList<DeliveryLogEntry>>> DeliveriesAsync(Guid webhookId, int? take, WebhookQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.DeliveriesAsync(webhookId, take, ct));
}
