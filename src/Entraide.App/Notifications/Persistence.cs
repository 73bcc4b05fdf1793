using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Notifications;

/// <summary>
/// One event announced to a State (or the secretariat): what happened, where to look, in which words.
/// Not audited on its own: it is written in the same save as the change it announces, whose audit
/// entry already records who did what.
/// </summary>
[NotAudited]
public sealed class NotificationMessage : IStateOwned
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public string? RecipientState { get; set; }
    /// <summary>Comma-separated roles the notification was addressed to.</summary>
    public required string RecipientRoles { get; set; }
    public required string Link { get; set; }
    public Guid? SubjectId { get; set; }
    public bool Urgent { get; set; }
    /// <summary>The text arguments as a JSON array of strings.</summary>
    public required string Arguments { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    string? IStateOwned.OwnerState => RecipientState;
}

/// <summary>A notification in one account's inbox; only that account ever reads it.</summary>
[NotAudited]
public sealed class InboxItem : IStateOwned
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public NotificationMessage? Message { get; set; }
    public required string UserId { get; set; }
    public string? StateCode { get; set; }
    public bool Urgent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    string? IStateOwned.OwnerState => StateCode;
}

/// <summary>
/// One message to send outside Entraide (an e-mail to an account, a call to a State's webhook),
/// written in the same transaction as the notification (the outbox) and worked off by the dispatcher.
/// </summary>
[NotAudited]
public sealed class DeliveryJob : IStateOwned
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public required string Channel { get; set; }
    public string? UserId { get; set; }
    /// <summary>For an e-mail to someone without an account (a register contact): the mailbox, <c>Name &lt;address&gt;</c>.</summary>
    public string? Address { get; set; }
    /// <summary>The language of an e-mail to <see cref="Address"/>.</summary>
    public string? Language { get; set; }
    public Guid? WebhookId { get; set; }
    public string? StateCode { get; set; }
    public bool Urgent { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While set and in the future, a dispatcher is working on the job; a crashed one's lease simply runs out.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public Guid? LeaseOwner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    string? IStateOwned.OwnerState => StateCode;
}

/// <summary>One try at a delivery: the delivery log shown to a State's administrators.</summary>
[NotAudited]
public sealed class DeliveryAttempt : IStateOwned
{
    public Guid Id { get; set; }
    public Guid DeliveryId { get; set; }
    public Guid? WebhookId { get; set; }
    public string? StateCode { get; set; }
    public required string Kind { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public int DurationMs { get; set; }
    public int? StatusCode { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }

    string? IStateOwned.OwnerState => StateCode;
}

/// <summary>
/// A State's own system that wants to hear of events: where to call, with which secret to sign, for
/// which events. Managed by the State's administrators; the secret is kept encrypted (it must be
/// read back to sign) and shown once.
/// </summary>
public sealed class WebhookSubscription : IStateOwned
{
    public Guid Id { get; set; }
    public required string StateCode { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    /// <summary>Comma-separated event kinds, or <c>*</c> for every event.</summary>
    public required string Events { get; set; }
    public required string ProtectedSecret { get; set; }
    public required string SecretPrefix { get; set; }
    public bool Active { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    string? IStateOwned.OwnerState => StateCode;

    public const string AllEvents = "*";

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string kind) => EventList.Any(e => e == AllEvents || e == kind);
}

internal sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> b)
    {
        b.ToTable("notifications_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Kind).HasMaxLength(100);
        b.Property(m => m.RecipientState).HasMaxLength(3);
        b.Property(m => m.RecipientRoles).HasMaxLength(400);
        b.Property(m => m.Link).HasMaxLength(500);
        b.Property(m => m.Arguments).HasMaxLength(8000);
        b.HasIndex(m => m.SubjectId);
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("notifications_inbox");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.UserId).HasMaxLength(450);
        b.Property(i => i.StateCode).HasMaxLength(3);
        b.HasOne(i => i.Message).WithMany().HasForeignKey(i => i.MessageId).OnDelete(DeleteBehavior.Cascade);
        // Serves "my notifications, unread first, newest first" and the unread count.
        b.HasIndex(i => new { i.UserId, i.ReadAt, i.CreatedAt });
    }
}

internal sealed class DeliveryJobConfiguration : IEntityTypeConfiguration<DeliveryJob>
{
    public void Configure(EntityTypeBuilder<DeliveryJob> b)
    {
        b.ToTable("notifications_deliveries");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).ValueGeneratedNever();
        b.Property(j => j.Channel).HasMaxLength(20);
        b.Property(j => j.UserId).HasMaxLength(450);
        b.Property(j => j.Address).HasMaxLength(400);
        b.Property(j => j.Language).HasMaxLength(8);
        b.Property(j => j.StateCode).HasMaxLength(3);
        b.Property(j => j.Status).HasMaxLength(20);
        b.Property(j => j.LastError).HasMaxLength(1000);
        b.HasOne<NotificationMessage>().WithMany().HasForeignKey(j => j.MessageId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's queue: due pending jobs, urgent first.
        b.HasIndex(j => new { j.Status, j.NextAttemptAt });
        b.HasIndex(j => new { j.WebhookId, j.CreatedAt });
        b.HasIndex(j => j.LeaseOwner);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> b)
    {
        b.ToTable("notifications_delivery_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.StateCode).HasMaxLength(3);
        b.Property(a => a.Kind).HasMaxLength(100);
        b.Property(a => a.Error).HasMaxLength(1000);
        b.HasIndex(a => new { a.WebhookId, a.At });
        b.HasIndex(a => a.DeliveryId);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("notifications_webhooks");
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).ValueGeneratedNever();
        b.Property(w => w.StateCode).HasMaxLength(3);
        b.Property(w => w.Url).HasMaxLength(2000);
        b.Property(w => w.Description).HasMaxLength(200);
        b.Property(w => w.Events).HasMaxLength(2000);
        b.Property(w => w.ProtectedSecret).HasMaxLength(1000);
        b.Property(w => w.SecretPrefix).HasMaxLength(16);
        b.Property(w => w.CreatedBy).HasMaxLength(100);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => new { w.StateCode, w.Active });
    }
}
