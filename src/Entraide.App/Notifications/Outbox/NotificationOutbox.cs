using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications;

/// <summary>
/// The outbox behind <see cref="INotifications"/>: <see cref="Enqueue"/> only adds rows to the
/// caller's unit of work (the notification, an inbox item per recipient account, a delivery job per
/// e-mail and per webhook), so they are committed with the change they announce, or not at all. Once
/// the caller's save succeeds the dispatcher is woken; if the save is inside a wider transaction the
/// dispatcher's polling finds the jobs once that transaction commits.
/// </summary>
public sealed class NotificationOutbox(EntraideDbContext db, TimeProvider clock, NotificationSignal signal, RecipientCache recipients) : INotifications
{
    private RecipientCache Recipients => recipients;
    private bool _listening;
    private bool _jobsAdded;

    public void Enqueue(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        // A malformed notification is a defect in the calling module, not the user's input.
        if (!NotificationKinds.IsWellFormed(notification.Kind))
            throw new ArgumentException($"Notification kind '{notification.Kind}' is not a dotted lower-case name.", nameof(notification));
        if (notification.RecipientState is not null && (notification.RecipientRoles is null || notification.RecipientRoles.Count == 0))
            throw new ArgumentException("A notification to a State must name at least one role.", nameof(notification));
        if (!notification.Link.StartsWith('/') || notification.Link.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A notification's link must be a path within Entraide.", nameof(notification));

        var now = clock.GetUtcNow();
        var message = new NotificationMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = notification.Kind,
            RecipientState = notification.RecipientState,
            RecipientRoles = string.Join(",", notification.RecipientRoles),
            Link = notification.Link,
            SubjectId = notification.SubjectId,
            Urgent = notification.Urgent,
            Arguments = JsonSerializer.Serialize(notification.Arguments ?? []),
            CreatedAt = now,
        };
        db.Add(message);
        // Who receives it is read from the database when the caller saves, asynchronously and in the
        // same unit of work: Enqueue stays synchronous for its callers and never blocks a thread on I/O.
        db.BeforeNextSave(new Fanout(this, message, notification.RecipientRoles ?? [], notification.Contacts ?? []));

        if (!_listening)
        {
            _listening = true;
            db.AfterEverySave(() =>
            {
                // Only deliveries need the dispatcher; inbox items are read where they are.
                if (!_jobsAdded) return;
                _jobsAdded = false;
                signal.Wake();
            });
        }
    }

    private DeliveryJob Job(NotificationMessage m, string channel, DateTimeOffset now, string? userId = null, Guid? webhookId = null,
        string? address = null, string? language = null)
    {
        _jobsAdded = true;
        return new DeliveryJob
        {
            Id = Guid.CreateVersion7(),
            MessageId = m.Id,
            Channel = channel,
            UserId = userId,
            Address = address,
            Language = language,
            WebhookId = webhookId,
            StateCode = m.RecipientState,
            Urgent = m.Urgent,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>The inbox items and delivery jobs of one notification, added when the unit of work is saved.</summary>
    private sealed class Fanout(NotificationOutbox outbox, NotificationMessage message, IReadOnlyList<string> roles, IReadOnlyList<ContactAddress> contacts) : IBeforeSave
    {
        private string AccountsKey => RecipientCache.AccountsKey(message.RecipientState, roles);

        public void Complete(EntraideDbContext db)
        {
            var state = message.RecipientState;
            outbox.AddDeliveries(message,
                outbox.Recipients.Accounts(AccountsKey, () => outbox.RecipientsQuery(state, roles).ToList()),
                state is null ? [] : outbox.Recipients.Hooks(state, () => outbox.HooksQuery(state).ToList()), contacts);
        }

        public async Task CompleteAsync(EntraideDbContext db, CancellationToken ct)
        {
            var state = message.RecipientState;
            outbox.AddDeliveries(message,
                await outbox.Recipients.AccountsAsync(AccountsKey, () => outbox.RecipientsQuery(state, roles).ToListAsync(ct)),
                state is null ? [] : await outbox.Recipients.HooksAsync(state, () => outbox.HooksQuery(state).ToListAsync(ct)), contacts);
        }
    }

    private void AddDeliveries(NotificationMessage message, IReadOnlyList<NotificationAccount> accounts, IReadOnlyList<NotificationHook> hooks, IReadOnlyList<ContactAddress> contacts)
    {
        var now = message.CreatedAt;
        // One e-mail per address: a contact whose address an account already receives at gets none of its own.
        var mailed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // A disabled account (locked for good) should not receive mail meant for people at work.
        foreach (var account in accounts.Where(u => u.LockoutEnd is null || u.LockoutEnd < now || u.LockoutEnd.Value.Year < 9999))
        {
            db.Add(new InboxItem
            {
                Id = Guid.CreateVersion7(),
                MessageId = message.Id,
                UserId = account.Id,
                StateCode = message.RecipientState,
                Urgent = message.Urgent,
                CreatedAt = now,
            });
            if (!string.IsNullOrWhiteSpace(account.Email))
            {
                mailed.Add(account.Email.Trim());
                db.Add(Job(message, DeliveryChannels.Email, now, userId: account.Id));
            }
        }
        // Contacts outside the accounts (register entries).
        foreach (var contact in contacts)
        {
            var email = contact.Email.Trim();
            if (email.Length == 0 || !mailed.Add(email)) continue;
            db.Add(Job(message, DeliveryChannels.Email, now, address: new MimeKit.MailboxAddress(contact.Name, email).ToString(),
                language: Languages.Normalise(contact.Language) ?? Languages.Default));
        }
        foreach (var hook in hooks)
        {
            var events = hook.Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (events.Contains(WebhookSubscription.AllEvents) || events.Contains(message.Kind))
                db.Add(Job(message, DeliveryChannels.Webhook, now, webhookId: hook.Id));
        }
    }

    private IQueryable<NotificationHook> HooksQuery(string state) =>
        db.Set<WebhookSubscription>().AsNoTracking().Where(w => w.StateCode == state && w.Active).Select(w => new NotificationHook(w.Id, w.Events));

    // One indexed query on the accounts of one State.
    private IQueryable<NotificationAccount> RecipientsQuery(string? state, IReadOnlyList<string> roles)
    {
        IReadOnlyList<string> wanted = state is null ? [Roles.Secretariat] : roles;
        var roleIds = db.Roles.Where(r => wanted.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.StateCode == state)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new NotificationAccount(u.Id, u.Email, u.LockoutEnd));
    }
}

/// <summary>
/// Wakes the dispatcher when new deliveries were committed. There are two lanes, each with its own
/// wake-up: the urgent lane takes only urgent jobs, so that an urgent notification never waits
/// behind a batch of ordinary ones already on their way.
/// </summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim _urgent = new(0, 1);
    private readonly SemaphoreSlim _normal = new(0, 1);

    public void Wake()
    {
        Release(_urgent);
        Release(_normal);
    }

    public Task<bool> WaitAsync(bool urgentLane, TimeSpan timeout, CancellationToken ct) =>
        (urgentLane ? _urgent : _normal).WaitAsync(timeout, ct);

    private static void Release(SemaphoreSlim s)
    {
        if (s.CurrentCount == 0)
        {
            try { s.Release(); } catch (SemaphoreFullException) { }
        }
    }
}
