using Entraide.Domain.Notifications;

namespace Entraide.App.Notifications.Webhooks;

public sealed record WebhookView(
    Guid Id, string State, string Url, string? Description, IReadOnlyList<string> Events, bool Active, string SecretPrefix,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    internal static WebhookView Of(WebhookSubscription w) =>
        new(w.Id, w.StateCode, w.Url, w.Description, w.EventList, w.Active, w.SecretPrefix, w.CreatedAt, w.UpdatedAt, w.Version);
}

/// <summary>The subscription and, once only, its signing secret.</summary>
public sealed record CreatedWebhook(WebhookView Webhook, string Secret);

/// <summary>The test event is queued as this delivery; its attempts appear in the delivery log.</summary>
public sealed record TestEventQueued(Guid DeliveryId);

/// <summary>One attempt in a webhook's delivery log.</summary>
/// <param name="StatusCode">The receiver's HTTP status, when it answered.</param>
/// <param name="Error">What went wrong, as a stable code (<c>timeout</c>, <c>unreachable</c>, <c>address-refused</c> …).</param>
/// <param name="ErrorMessage">The same in the reader's language.</param>
/// <param name="Status">Where the delivery stands now: pending (another attempt will come), delivered, failed or skipped.</param>
public sealed record DeliveryLogEntry(
    Guid DeliveryId, string Kind, int Attempt, DateTimeOffset At, int DurationMs, int? StatusCode, bool Succeeded, string? Error,
    string? ErrorMessage, string Status);
