using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Outbox;

/// <summary>
/// The outbox behind <see cref="INotifications"/>: <see cref="Enqueue"/> only adds rows to the
/// caller's unit of work (the notification, an inbox item per recipient account, a delivery job per
/// e-mail and per webhook), so they are committed with the change they announce, or not at all. Once
/// the caller's save succeeds the dispatcher is woken; if the save is inside a wider transaction the
/// dispatcher's polling finds the jobs once that transaction commits.
/// </summary>
public sealed class NotificationOutbox(
    EntraideDbContext db,
    TimeProvider clock,
    NotificationSignal signal,
    RecipientCache recipients,
    IAccountDirectory accounts,
    EntityChanges changes) : INotifications
{
    private static readonly IReadOnlyList<string> SecretariatRoles = [Roles.Secretariat];
    private bool _listening;
    private bool _jobsAdded;
    private bool _urgentAdded;

    public void Enqueue(Notification notification)
    {
        var message = NotificationMessage.Of(notification, clock.GetUtcNow());
        db.Add(message);
        _urgentAdded |= message.Urgent;
        // The secretariat is one body: a notification to it reaches its accounts whatever roles were named.
        var roles = notification.RecipientState is null ? SecretariatRoles : notification.RecipientRoles;
        // Who receives it is read from the database when the caller saves, asynchronously and in the
        // same unit of work: Enqueue stays synchronous for its callers and never blocks a thread on I/O.
        db.BeforeNextSave(new Fanout(this, message, roles, notification.Contacts ?? [],
            notification.Accounts is null ? null : notification.Accounts.ToHashSet(StringComparer.Ordinal)));

        if (!_listening)
        {
            _listening = true;
            db.AfterEverySave(() =>
            {
                // Open pages listening for urgent items in this process hear of them at once.
                if (_urgentAdded)
                {
                    _urgentAdded = false;
                    signal.WakeLive();
                }
                // Only deliveries need the dispatcher; inbox items are read where they are.
                if (!_jobsAdded) return;
                _jobsAdded = false;
                signal.Wake();
            });
        }
    }

    private RecipientCache Recipients => recipients;
    private IAccountDirectory Directory => accounts;
    private long HooksStamp => changes.Stamp(typeof(WebhookSubscription));

    /// <summary>The inbox items and delivery jobs of one notification, added when the unit of work is saved.</summary>
    private sealed class Fanout(NotificationOutbox outbox, NotificationMessage message, IReadOnlyList<string> roles,
        IReadOnlyList<ContactAddress> contacts, HashSet<string>? only) : IBeforeSave
    {
        private string AccountsKey => RecipientCache.AccountsKey(message.RecipientState, roles);

        public void Complete(EntraideDbContext db)
        {
            var state = message.RecipientState;
            var directory = outbox.Directory;
            outbox.AddDeliveries(message,
                Only(outbox.Recipients.Accounts(AccountsKey, directory.ChangeStamp, () => directory.RoleHolders(state, roles))),
                state is null ? [] : outbox.Recipients.Hooks(state, outbox.HooksStamp, () => [.. outbox.HooksQuery(state)]),
                contacts);
        }

        public async Task CompleteAsync(EntraideDbContext db, CancellationToken ct)
        {
            var state = message.RecipientState;
            var directory = outbox.Directory;
            outbox.AddDeliveries(message,
                Only(await outbox.Recipients.AccountsAsync(AccountsKey, directory.ChangeStamp, () => directory.RoleHoldersAsync(state, roles, ct))),
                state is null ? [] : await outbox.Recipients.HooksAsync(state, outbox.HooksStamp, () => outbox.HooksQuery(state).ToListAsync(ct)),
                contacts);
        }

        /// <summary>The holders the notification is for: all of them, or only the named accounts among them.</summary>
        private IReadOnlyList<RoleHolder> Only(IReadOnlyList<RoleHolder> holders) =>
            only is null ? holders : [.. holders.Where(h => only.Contains(h.AccountId))];
    }

    private void AddDeliveries(NotificationMessage message, IReadOnlyList<RoleHolder> holders, IReadOnlyList<NotificationHook> hooks,
        IReadOnlyList<ContactAddress> contacts)
    {
        // One e-mail per address: a contact whose address an account already receives at gets none of its own.
        var mailed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var holder in holders)
        {
            db.Add(InboxItem.For(message, holder.AccountId));
            if (!string.IsNullOrWhiteSpace(holder.Email))
            {
                mailed.Add(holder.Email.Trim());
                Add(DeliveryJob.EmailToAccount(message, holder.AccountId));
            }
        }
        // Contacts outside the accounts (register entries).
        foreach (var contact in contacts)
        {
            var email = contact.Email.Trim();
            if (email.Length == 0 || !mailed.Add(email)) continue;
            Add(DeliveryJob.EmailToContact(message, new MimeKit.MailboxAddress(contact.Name, email).ToString(),
                Languages.Normalise(contact.Language) ?? Languages.Default));
        }
        foreach (var hook in hooks)
        {
            if (WebhookSubscription.Wants(hook.Events, message.Kind)) Add(DeliveryJob.ToWebhook(message, hook.Id));
        }
    }

    private void Add(DeliveryJob job)
    {
        _jobsAdded = true;
        db.Add(job);
    }

    private IQueryable<NotificationHook> HooksQuery(string state) =>
        db.Set<WebhookSubscription>().AsNoTracking().Where(w => w.StateCode == state && w.Active).Select(w => new NotificationHook(w.Id, w.Events));
}
