using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications;

public sealed record CreateWebhook(string? Url, IReadOnlyList<string>? Events, string? Description);

public sealed record UpdateWebhook(string? Url, IReadOnlyList<string>? Events, string? Description, bool? Active, int? Version);

public sealed record WebhookView(
    Guid Id, string State, string Url, string? Description, IReadOnlyList<string> Events, bool Active, string SecretPrefix,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>The subscription and, once only, its signing secret.</summary>
public sealed record CreatedWebhook(WebhookView Webhook, string Secret);

public sealed record DeliveryLogEntry(
    Guid DeliveryId, string Kind, int Attempt, DateTimeOffset At, int DurationMs, int? StatusCode, bool Succeeded, string? Error, string Status);

/// <summary>
/// A State's administrators manage their State's webhook subscriptions; nobody else sees them (another
/// State's subscription answers 404, as a missing one).
/// </summary>
public sealed class WebhookCommands(
    EntraideDbContext db,
    ICurrentActor current,
    AuditRecorder audit,
    TimeProvider clock,
    IDataProtectionProvider protection,
    IOptionsMonitor<NotificationSettings> settings,
    NotificationSignal signal)
{
    public const int MaxPerState = 20;

    private string MyState()
    {
        var actor = current.Current;
        if (actor.StateCode is null || !actor.Has(Roles.StateAdministrator)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        return actor.StateCode;
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct)
    {
        var state = MyState();
        var hooks = await db.Set<WebhookSubscription>().AsNoTracking().Where(w => w.StateCode == state).ToListAsync(ct);
        return [.. hooks.OrderBy(w => w.CreatedAt).Select(View)];
    }

    public async Task<WebhookView> GetAsync(Guid id, CancellationToken ct) => View(await FindAsync(id, tracked: false, ct));

    public async Task<CreatedWebhook> CreateAsync(CreateWebhook cmd, CancellationToken ct)
    {
        var state = MyState();
        var (url, events, description) = Validate(cmd.Url, cmd.Events, cmd.Description);
        var count = await db.Set<WebhookSubscription>().CountAsync(w => w.StateCode == state, ct);
        if (count >= MaxPerState) throw DomainException.Conflict("too-many-webhooks", MaxPerState.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var secret = WebhookSecrets.New();
        var now = clock.GetUtcNow();
        var hook = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            StateCode = state,
            Url = url,
            Description = description,
            Events = string.Join(",", events),
            ProtectedSecret = WebhookSecrets.Protect(protection, secret),
            SecretPrefix = secret[..10],
            Active = true,
            CreatedBy = current.Current.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        audit.Action = "notifications.webhook.create";
        db.Add(hook);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook(View(hook), secret);
    }

    public async Task<WebhookView> UpdateAsync(Guid id, UpdateWebhook cmd, CancellationToken ct)
    {
        var hook = await FindAsync(id, tracked: true, ct);
        var (url, events, description) = Validate(cmd.Url ?? hook.Url, cmd.Events ?? hook.EventList, cmd.Description ?? hook.Description);
        if (cmd.Version is { } v && v != hook.Version) throw DomainException.Conflict("concurrent-change");
        hook.Url = url;
        hook.Events = string.Join(",", events);
        hook.Description = description;
        if (cmd.Active is { } active) hook.Active = active;
        hook.UpdatedAt = clock.GetUtcNow();
        hook.Version++;
        audit.Action = "notifications.webhook.update";
        await db.SaveChangesAsync(ct);
        return View(hook);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var hook = await FindAsync(id, tracked: true, ct);
        audit.Action = "notifications.webhook.delete";
        db.Remove(hook);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new secret replaces the old one at once; the new one is shown once.</summary>
    public async Task<CreatedWebhook> RotateSecretAsync(Guid id, CancellationToken ct)
    {
        var hook = await FindAsync(id, tracked: true, ct);
        var secret = WebhookSecrets.New();
        hook.ProtectedSecret = WebhookSecrets.Protect(protection, secret);
        hook.SecretPrefix = secret[..10];
        hook.UpdatedAt = clock.GetUtcNow();
        hook.Version++;
        audit.Action = "notifications.webhook.rotate-secret";
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook(View(hook), secret);
    }

    /// <summary>Queues a test event to this subscription only, so an administrator can check the receiver end to end.</summary>
    public async Task<Guid> SendTestAsync(Guid id, CancellationToken ct)
    {
        var hook = await FindAsync(id, tracked: false, ct);
        if (!hook.Active) throw DomainException.Conflict("webhook-inactive");
        var now = clock.GetUtcNow();
        var message = new NotificationMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = NotificationKinds.WebhookTest,
            RecipientState = hook.StateCode,
            RecipientRoles = Roles.StateAdministrator,
            Link = "/account/webhooks",
            Urgent = false,
            Arguments = "[]",
            CreatedAt = now,
        };
        var job = new DeliveryJob
        {
            Id = Guid.CreateVersion7(),
            MessageId = message.Id,
            Channel = DeliveryChannels.Webhook,
            WebhookId = hook.Id,
            StateCode = hook.StateCode,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        audit.Action = "notifications.webhook.test";
        db.Add(message);
        db.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return job.Id;
    }

    public async Task<IReadOnlyList<DeliveryLogEntry>> DeliveriesAsync(Guid id, int? take, CancellationToken ct)
    {
        var hook = await FindAsync(id, tracked: false, ct);
        var n = Math.Clamp(take ?? 50, 1, 200);
        var attempts = await db.Set<DeliveryAttempt>().AsNoTracking()
            .Where(a => a.WebhookId == hook.Id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(n)
            .ToListAsync(ct);
        var ids = attempts.Select(a => a.DeliveryId).Distinct().ToList();
        var statuses = await db.Set<DeliveryJob>().AsNoTracking().Where(j => ids.Contains(j.Id))
            .Select(j => new { j.Id, j.Status }).ToDictionaryAsync(j => j.Id, j => j.Status, ct);
        return [.. attempts.Select(a => new DeliveryLogEntry(a.DeliveryId, a.Kind, a.Number, a.At, a.DurationMs, a.StatusCode, a.Succeeded, a.Error,
            statuses.GetValueOrDefault(a.DeliveryId, DeliveryStatus.Pending)))];
    }

    private async Task<WebhookSubscription> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var actor = current.Current;
        var q = db.Set<WebhookSubscription>().Where(w => w.Id == id);
        if (!tracked) q = q.AsNoTracking();
        var hook = await q.SingleOrDefaultAsync(ct);
        // Another State's subscription does not exist for this actor; the role is checked only after.
        if (hook is null || !actor.BelongsTo(hook.StateCode)) throw DomainException.NotFound("webhook");
        MyState();
        return hook;
    }

    private (string Url, IReadOnlyList<string> Events, string? Description) Validate(string? url, IReadOnlyList<string>? events, string? description)
    {
        var errors = new List<DomainError>();
        var u = url?.Trim() ?? "";
        if (u.Length == 0) errors.Add(DomainError.Required("url"));
        else if (u.Length > 2000) errors.Add(new DomainError("too-long", "url"));
        else if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
            errors.Add(new DomainError("webhook-url-invalid", "url"));
        else if (uri.Scheme == Uri.UriSchemeHttp && !settings.CurrentValue.AllowHttpWebhooks)
            errors.Add(new DomainError("webhook-url-not-https", "url"));

        var list = (events ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) errors.Add(DomainError.Required("events"));
        foreach (var e in list)
        {
            if (e != WebhookSubscription.AllEvents && !NotificationKinds.All.Contains(e))
                errors.Add(new DomainError("unknown-event", "events") { Arguments = [e] });
        }
        if (list.Contains(WebhookSubscription.AllEvents)) list = [WebhookSubscription.AllEvents];

        var d = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (d is { Length: > 200 }) errors.Add(new DomainError("too-long", "description"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return (u, list, d);
    }

    internal static WebhookView View(WebhookSubscription w) =>
        new(w.Id, w.StateCode, w.Url, w.Description, w.EventList, w.Active, w.SecretPrefix, w.CreatedAt, w.UpdatedAt, w.Version);
}
