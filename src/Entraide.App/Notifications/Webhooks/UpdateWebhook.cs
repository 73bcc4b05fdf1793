using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;

namespace Entraide.App.Notifications.Webhooks;

/// <summary>What to change; a null field is kept. <paramref name="Version"/>, when given, must be the one last read.</summary>
public sealed record UpdateWebhook(string? Url, IReadOnlyList<string?>? Events, string? Description, bool? Active, int? Version);

public sealed class UpdateWebhookHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    WebhookTargets targets) : IHandler
{
    public async Task<WebhookView> HandleAsync(Guid webhookId, UpdateWebhook command, CancellationToken ct)
    {
        var hook = await WebhookAccess.FindAsync(db.Set<WebhookSubscription>(), current.Current, webhookId, ct);
        hook.Change(command.Url, command.Events, command.Description, command.Active, command.Version, targets.Current, clock.GetUtcNow());
        audit.Action = "notifications.webhook.update";
        await db.SaveChangesAsync(ct);
        return WebhookView.Of(hook);
    }
}
