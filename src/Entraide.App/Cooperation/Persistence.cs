using Entraide.App.Cooperation.Requests;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Cooperation;

internal sealed class CooperationRequestConfiguration : IEntityTypeConfiguration<CooperationRequest>
{
    public void Configure(EntityTypeBuilder<CooperationRequest> b)
    {
        b.ToTable("cooperation_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reference).HasMaxLength(40);
        b.HasIndex(r => r.Reference).IsUnique();
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.RequestingState).HasMaxLength(3);
        b.Property(r => r.RequestedState).HasMaxLength(3);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.ConductTerms).HasMaxLength(1000);
        b.Property(r => r.SearchText).HasMaxLength(600);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.Property(r => r.Ground).HasMaxLength(40);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Spec);
        // The aggregate's children. Their keys are the application's, so a child a verb adds to a loaded
        // request is inserted (a key the database generated would make it look like an existing row).
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        // The inboxes: incoming by requested State newest first, outgoing by requesting State; both
        // filter on status, so it follows the State in the key: listing an inbox is an index range scan
        // however large the table grows.
        b.HasIndex(r => new { r.RequestedState, r.Status, r.SubmittedAt });
        b.HasIndex(r => new { r.RequestingState, r.Status, r.UpdatedAt });
        b.HasIndex(r => new { r.RequestedState, r.SubmittedAt });
        b.HasIndex(r => new { r.RequestingState, r.UpdatedAt });
        // The 24/7 point's and the judges' inboxes list only their lane of a State's incoming requests:
        // a few among thousands of ordinary ones. Each lane has its own partial index, whose predicate is
        // the lane's filter in RequestQueries.InboxAsync word for word (both planners match it as written),
        // so an emergency is listed without reading the central authority's whole box. Only the requests
        // in a lane write an entry.
        b.HasIndex(r => new { r.RequestedState, r.Status, r.SubmittedAt }, "IX_cooperation_requests_UrgentLane")
            .HasFilter("\"Urgent\" OR \"Channel\" = 'PointOfContact'");
        b.HasIndex(r => new { r.RequestedState, r.Status, r.SubmittedAt }, "IX_cooperation_requests_DirectLane")
            .HasFilter("\"Channel\" = 'DirectJudicial'");
        // The clocks sweep only the few requests that have one running. These indexes are partial (only
        // the rows whose clock or link is set): the column is NULL on most requests, so an ordinary
        // submission writes none of their entries. Every query that uses them says `col != null` or
        // compares the column, which implies it, so both planners still pick them.
        b.HasIndex(r => r.AcknowledgeBy).HasFilter("\"AcknowledgeBy\" IS NOT NULL");
        b.HasIndex(r => r.PreservationExpiresAt).HasFilter("\"PreservationExpiresAt\" IS NOT NULL");
        b.HasIndex(r => new { r.RequestedState, r.DeadlineAt }).HasFilter("\"DeadlineAt\" IS NOT NULL");
        b.HasIndex(r => new { r.RequestedState, r.AcknowledgeBy }).HasFilter("\"AcknowledgeBy\" IS NOT NULL");
        // The outgoing box's due-soon and overdue counts, the same index ranges as the incoming box's.
        b.HasIndex(r => new { r.RequestingState, r.DeadlineAt }).HasFilter("\"DeadlineAt\" IS NOT NULL");
        b.HasIndex(r => new { r.RequestingState, r.AcknowledgeBy }).HasFilter("\"AcknowledgeBy\" IS NOT NULL");
        b.HasIndex(r => r.DeadlineAt).HasFilter("\"DeadlineAt\" IS NOT NULL");
        // One follow-up per preservation, even when two are drafted at once.
        b.HasIndex(r => r.PrecedingRequestId).IsUnique().HasFilter("\"PrecedingRequestId\" IS NOT NULL");
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("cooperation_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Action).HasMaxLength(60);
        b.Property(e => e.ActorId).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.ActorState).HasMaxLength(3);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Ground).HasMaxLength(40);
        b.Property(e => e.VisibleTo).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(e => new { e.RequestId, e.At });
    }
}

internal sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> b)
    {
        b.ToTable("cooperation_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.AuthorId).HasMaxLength(100);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.AuthorState).HasMaxLength(3);
        b.Property(m => m.Body).HasMaxLength(8000);
        b.HasIndex(m => new { m.RequestId, m.At });
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> b)
    {
        b.ToTable("cooperation_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.Property(a => a.UploadedByName).HasMaxLength(200);
        b.Property(a => a.UploadedByState).HasMaxLength(3);
        b.Property(a => a.UseLimitation).HasMaxLength(2000);
        b.Property(a => a.ConditionsAcknowledgedBy).HasMaxLength(100);
        // Every third State a document may go to: up to all of them, four characters each.
        b.Property(a => a.OnwardTransferAuthorisedTo).HasMaxLength(1000);
        b.Property(a => a.OnwardTransferRequestedTo).HasMaxLength(3);
        b.Property(a => a.OnwardTransferReasons).HasMaxLength(2000);
        b.HasIndex(a => a.RequestId);
    }
}

internal sealed class SubmissionKeyConfiguration : IEntityTypeConfiguration<SubmissionKey>
{
    public void Configure(EntityTypeBuilder<SubmissionKey> b)
    {
        b.ToTable("cooperation_submission_keys");
        b.HasKey(k => new { k.ActorId, k.Key });
        b.Property(k => k.ActorId).HasMaxLength(100);
        b.Property(k => k.Key).HasMaxLength(100);
        b.Property(k => k.RequestHash).HasMaxLength(64);
    }
}

internal sealed class RequestAssignmentConfiguration : IEntityTypeConfiguration<RequestAssignment>
{
    public void Configure(EntityTypeBuilder<RequestAssignment> b)
    {
        b.ToTable("cooperation_assignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.StateCode).HasMaxLength(3);
        b.Property(a => a.AssigneeId).HasMaxLength(100);
        b.Property(a => a.AssigneeName).HasMaxLength(200);
        b.Property(a => a.AssignedBy).HasMaxLength(100);
        b.Property(a => a.AssignedByName).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<CooperationRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        // One officer in charge per State and request; "assigned to me" reads the assignee's rows of the State.
        b.HasIndex(a => new { a.RequestId, a.StateCode }).IsUnique();
        b.HasIndex(a => new { a.StateCode, a.AssigneeId });
    }
}

internal sealed class InternalNoteConfiguration : IEntityTypeConfiguration<InternalNote>
{
    public void Configure(EntityTypeBuilder<InternalNote> b)
    {
        b.ToTable("cooperation_notes");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.StateCode).HasMaxLength(3);
        b.Property(n => n.AuthorId).HasMaxLength(100);
        b.Property(n => n.AuthorName).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(InternalNote.MaxLength);
        b.HasOne<CooperationRequest>().WithMany().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.RequestId, n.StateCode, n.At });
    }
}
