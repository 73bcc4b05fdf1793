using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Webhooks;

public sealed record SendWebhookTest(Guid WebhookId);

/// <summary>Queues a test event to this subscription only, so that an administrator can check the receiver end to end.</summary>
public sealed class SendWebhookTestHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    NotificationSignal signal) : IHandler
{
    public async Task<TestEventQueued> HandleAsync(SendWebhookTest command, CancellationToken ct)
    {
        var hook = await WebhookAccess.FindAsync(db.Set<WebhookSubscription>().AsNoTracking(), current.Current, command.WebhookId, ct);
        hook.EnsureCanSendTest();
        var message = NotificationMessage.WebhookTest(hook.StateCode, clock.GetUtcNow());
        var job = DeliveryJob.ToWebhook(message, hook.Id);
        audit.Action = "notifications.webhook.test";
        db.Add(message);
        db.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return new TestEventQueued(job.Id);
    }
}
