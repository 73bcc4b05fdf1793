using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Notifications.Webhooks;
using Entraide.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// Calls a State's webhook with the notification as signed JSON, and says what came of it in one of
/// the <see cref="DeliveryErrors"/> codes: what the network said in detail goes to the server's log.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory http,
    IDataProtectionProvider protection,
    IOptionsMonitor<NotificationSettings> settings,
    WebhookTargets targets,
    TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    /// <summary>The client for every webhook: it connects only to public addresses.</summary>
    public const string ClientName = "entraide.webhooks";
    /// <summary>The client for receivers on the allow-list of the webhook's State, in a connection pool of their own.</summary>
    public const string AllowListedClientName = "entraide.webhooks.allow-listed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DeliveryOutcome> SendAsync(NotificationMessage message, WebhookSubscription hook, Guid deliveryId, CancellationToken ct)
    {
        if (!hook.Active) return DeliveryOutcome.Skip(DeliveryErrors.SwitchedOff);
        var secret = WebhookSecrets.Unprotect(protection, hook.ProtectedSecret);
        if (secret is null) return DeliveryOutcome.Permanent(DeliveryErrors.SecretUnreadable);
        if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri)) return DeliveryOutcome.Permanent(DeliveryErrors.Unreachable);

        var body = Body(message, deliveryId, settings.CurrentValue);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        // HTTP/1.1 and never higher: HTTP/3 runs over QUIC, whose connections do not go through the checked connect callback.
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.EventHeader, message.Kind);
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Entraide-Webhooks/1");
        request.Options.Set(WebhookConnections.StateOption, hook.StateCode);

        var allowListed = targets.Current.AllowList.Allows(hook.StateCode, WebhookTarget.HostOf(uri), uri.Port);
        try
        {
            using var response = await http.CreateClient(allowListed ? AllowListedClientName : ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return DeliveryOutcome.Answered((int)response.StatusCode);
        }
        catch (TimeoutRejectedException)
        {
            return DeliveryOutcome.Transient(DeliveryErrors.Timeout);
        }
        catch (BrokenCircuitException)
        {
            return DeliveryOutcome.Transient(DeliveryErrors.ReceiverFailing);
        }
        catch (HttpRequestException ex) when (WebhookConnections.WasRefused(ex))
        {
            LogRefused(logger, hook.Id, hook.StateCode, uri.IdnHost);
            // The address will not become public by waiting; the administrator must change it.
            return DeliveryOutcome.Permanent(DeliveryErrors.AddressRefused);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, hook.Id, hook.StateCode, ex.HttpRequestError, ex.Message);
            return DeliveryOutcome.Transient(DeliveryErrors.Unreachable);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Transient(DeliveryErrors.Timeout);
        }
    }

    /// <summary>The JSON body: stable field names, documented in docs/decisions/notifications-webhook-signing.md.</summary>
    public static byte[] Body(NotificationMessage m, Guid deliveryId, NotificationSettings settings) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = deliveryId,
            @event = m.Kind,
            notificationId = m.Id,
            occurredAt = m.CreatedAt,
            state = m.RecipientState,
            roles = m.RecipientRoles.Split(',', StringSplitOptions.RemoveEmptyEntries),
            subjectId = m.SubjectId,
            link = settings.LinkTo(m.Link),
            urgent = m.Urgent,
            arguments = NotificationRenderer.ArgumentsOf(m),
        }, Json);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook {WebhookId} of {State} names {Host}, which resolves to an address Entraide does not call; the delivery failed")]
    private static partial void LogRefused(ILogger logger, Guid webhookId, string state, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} of {State} could not be reached ({Error}): {Reason}")]
    private static partial void LogUnreachable(ILogger logger, Guid webhookId, string state, HttpRequestError error, string reason);
}
