using Entraide.App.Infrastructure.Localization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Webhooks;

/// <summary>A State's administrators read their State's webhooks and their delivery logs; nobody else sees them.</summary>
public sealed class WebhookQueries(EntraideDbContext db, ICurrentActor current, NotificationRenderer texts)
{
    public const int DefaultLogSize = 50;
    public const int MaxLogSize = 200;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct)
    {
        var state = WebhookAccess.AdministeredState(current.Current);
        var hooks = await db.Set<WebhookSubscription>().AsNoTracking().Where(w => w.StateCode == state).ToListAsync(ct);
        return [.. hooks.OrderBy(w => w.CreatedAt).Select(WebhookView.Of)];
    }

    public async Task<WebhookView> GetAsync(Guid webhookId, CancellationToken ct) =>
        WebhookView.Of(await WebhookAccess.FindAsync(db.Set<WebhookSubscription>().AsNoTracking(), current.Current, webhookId, ct));

    /// <summary>Every attempt, newest first, with the receiver's answer or what went wrong in the reader's language.</summary>
    public async Task<IReadOnlyList<DeliveryLogEntry>> DeliveriesAsync(Guid webhookId, int? take, CancellationToken ct)
    {
        var hook = await WebhookAccess.FindAsync(db.Set<WebhookSubscription>().AsNoTracking(), current.Current, webhookId, ct);
        var n = Math.Clamp(take ?? DefaultLogSize, 1, MaxLogSize);
        var attempts = await db.Set<DeliveryAttempt>().AsNoTracking()
            .Where(a => a.WebhookId == hook.Id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(n)
            .ToListAsync(ct);
        var ids = attempts.Select(a => a.DeliveryId).Distinct().ToList();
        var statuses = await db.Set<DeliveryJob>().AsNoTracking().Where(j => ids.Contains(j.Id))
            .Select(j => new { j.Id, j.Status }).ToDictionaryAsync(j => j.Id, j => j.Status, ct);
        var lang = CultureCookie.Current;
        return [.. attempts.Select(a => new DeliveryLogEntry(a.DeliveryId, a.Kind, a.Number, a.At, a.DurationMs, a.StatusCode, a.Succeeded,
            a.Error, a.Error is null ? null : texts.Get("outcome." + a.Error, lang),
            statuses.GetValueOrDefault(a.DeliveryId, DeliveryStatus.Pending)))];
    }
}
