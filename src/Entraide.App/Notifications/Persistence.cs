using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Notifications.Outbox;
using Entraide.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Notifications;

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
        b.Property(w => w.Url).HasMaxLength(WebhookTarget.MaxLength);
        b.Property(w => w.Description).HasMaxLength(WebhookSubscription.MaxDescriptionLength);
        b.Property(w => w.Events).HasMaxLength(2000);
        b.Property(w => w.ProtectedSecret).HasMaxLength(1000);
        b.Property(w => w.SecretPrefix).HasMaxLength(16);
        b.Property(w => w.CreatedBy).HasMaxLength(100);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => new { w.StateCode, w.Active });
    }
}
