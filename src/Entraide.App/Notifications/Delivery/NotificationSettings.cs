using Entraide.Domain.Notifications;

namespace Entraide.App.Notifications.Delivery;

/// <summary>Dispatcher and webhook settings (<c>Notifications:*</c>); docs/decisions/notifications-outbox.md lists them.</summary>
public sealed class NotificationSettings
{
    /// <summary>Seconds between polls when nothing wakes the dispatcher (retries fall due this way).</summary>
    public double PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 100;
    public int Parallelism { get; set; } = 8;
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>Webhook URLs must be HTTPS unless this is set (local development and tests).</summary>
    public bool AllowHttpWebhooks { get; set; }
    /// <summary>
    /// Receivers a State's webhooks may call although their address is not public, by State code (or
    /// <c>*</c> for every State): see <see cref="WebhookAllowList"/> and docs/operations.md.
    /// </summary>
    public Dictionary<string, List<string>> WebhookAllowList { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public int WebhookTimeoutSeconds { get; set; } = 10;
    /// <summary>How often the live feed reads the inbox for urgent items committed by another server process.</summary>
    public int LivePollMilliseconds { get; set; } = 250;
    /// <summary>The address people use to reach Entraide, to make links in e-mails and webhook bodies absolute.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>A path within Entraide as an absolute link, when <see cref="PublicUrl"/> is known.</summary>
    public string LinkTo(string path) => string.IsNullOrWhiteSpace(PublicUrl) ? path : PublicUrl.TrimEnd('/') + path;
}
