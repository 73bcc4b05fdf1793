using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace Entraide.App.Notifications.Webhooks;

public sealed record RotateWebhookSecret(Guid WebhookId);

/// <summary>A new secret replaces the old one at once; the new one is shown once.</summary>
public sealed class RotateWebhookSecretHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    IDataProtectionProvider protection) : IHandler
{
    public async Task<CreatedWebhook> HandleAsync(RotateWebhookSecret command, CancellationToken ct)
    {
        var hook = await WebhookAccess.FindAsync(db.Set<WebhookSubscription>(), current.Current, command.WebhookId, ct);
        var (secret, stored) = WebhookSecrets.Issue(protection);
        hook.RotateSecret(stored, clock.GetUtcNow());
        audit.Action = "notifications.webhook.rotate-secret";
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook(WebhookView.Of(hook), secret);
    }
}
