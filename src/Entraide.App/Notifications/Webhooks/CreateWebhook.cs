using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Webhooks;

/// <param name="Events">Event kinds (<c>GET /notifications/kinds</c>), or <c>*</c> for every event.</param>
public sealed record CreateWebhook(string? Url, IReadOnlyList<string?>? Events, string? Description);

/// <summary>Subscribes one of the actor's State's systems to events; the signing secret is in the answer and never shown again.</summary>
public sealed class CreateWebhookHandler(
    EntraideDbContext db,
    ICurrentActor current,
    AuditRecorder audit,
    TimeProvider clock,
    IDataProtectionProvider protection,
    WebhookTargets targets) : IHandler
{
    public async Task<CreatedWebhook> HandleAsync(CreateWebhook command, CancellationToken ct)
    {
        var actor = current.Current;
        var state = WebhookAccess.AdministeredState(actor);
        var existing = await db.Set<WebhookSubscription>().CountAsync(w => w.StateCode == state, ct);
        var (secret, stored) = WebhookSecrets.Issue(protection);
        var hook = WebhookSubscription.Create(Guid.CreateVersion7(), state, command.Url, command.Events, command.Description, stored,
            actor.Id, existing, targets.Current, clock.GetUtcNow());
        audit.Action = "notifications.webhook.create";
        db.Add(hook);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook(WebhookView.Of(hook), secret);
    }
}
