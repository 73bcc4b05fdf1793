using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;

namespace Entraide.App.Notifications.Webhooks;

public sealed record DeleteWebhook(Guid WebhookId);

/// <summary>Removes a subscription; deliveries still queued for it are skipped.</summary>
public sealed class DeleteWebhookHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit) : IHandler
{
    public async Task HandleAsync(DeleteWebhook command, CancellationToken ct)
    {
        var hook = await WebhookAccess.FindAsync(db.Set<WebhookSubscription>(), current.Current, command.WebhookId, ct);
        audit.Action = "notifications.webhook.delete";
        db.Remove(hook);
        await db.SaveChangesAsync(ct);
    }
}
