using Entraide.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Deliberation;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("deliberation_consultations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Question).HasMaxLength(4000);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Symbol).HasMaxLength(60);
        b.Property(x => x.OpenedBy).HasMaxLength(200);
        b.Property(x => x.InvitedStates).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.DeadlineChanges).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OpenedAt);
    }
}

internal sealed class ConsultationDeadlineChangeConfiguration : IEntityTypeConfiguration<ConsultationDeadlineChange>
{
    public void Configure(EntityTypeBuilder<ConsultationDeadlineChange> b)
    {
        b.ToTable("deliberation_deadline_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(1000);
    }
}

internal sealed class LateAcceptanceConfiguration : IEntityTypeConfiguration<LateAcceptance>
{
    public void Configure(EntityTypeBuilder<LateAcceptance> b)
    {
        b.ToTable("deliberation_late_acceptances");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.GrantedBy).HasMaxLength(200);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConsultationId, x.State });
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("deliberation_submissions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.OriginalLanguage).HasMaxLength(2);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConsultationId, x.State }).IsUnique();
        b.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionTextConfiguration : IEntityTypeConfiguration<SubmissionText>
{
    public void Configure(EntityTypeBuilder<SubmissionText> b)
    {
        b.ToTable("deliberation_submission_texts");
        b.HasKey(x => new { x.SubmissionId, x.Language });
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.TranslatedBy).HasMaxLength(200);
    }
}

internal sealed class SubmissionAttachmentConfiguration : IEntityTypeConfiguration<SubmissionAttachment>
{
    public void Configure(EntityTypeBuilder<SubmissionAttachment> b)
    {
        b.ToTable("deliberation_submission_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class DraftResolutionConfiguration : IEntityTypeConfiguration<DraftResolution>
{
    public void Configure(EntityTypeBuilder<DraftResolution> b)
    {
        b.ToTable("deliberation_drafts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OwnerState).HasMaxLength(3);
        b.Property(x => x.Symbol).HasMaxLength(60);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.AgendaItem).HasMaxLength(300);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.ResolutionNumber).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.CurrentSymbol);
        b.HasIndex(x => x.Symbol).IsUnique();
        b.HasIndex(x => x.Status);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sponsors).WithOne().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DraftRevisionConfiguration : IEntityTypeConfiguration<DraftRevision>
{
    public void Configure(EntityTypeBuilder<DraftRevision> b)
    {
        b.ToTable("deliberation_draft_revisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OwnerState).HasMaxLength(3);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.DraftId, x.Number }).IsUnique();
    }
}

internal sealed class DraftSponsorConfiguration : IEntityTypeConfiguration<DraftSponsor>
{
    public void Configure(EntityTypeBuilder<DraftSponsor> b)
    {
        b.ToTable("deliberation_draft_sponsors");
        b.HasKey(x => new { x.DraftId, x.State });
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.ToTable("deliberation_votes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Body).HasMaxLength(4);
        b.Property(x => x.DraftSymbol).HasMaxLength(60);
        b.Property(x => x.AmendmentSymbol).HasMaxLength(60);
        b.Property(x => x.ParagraphKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Majority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Subject);
        b.Ignore(x => x.IsOnWholeDraft);
        b.HasOne<DraftResolution>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Ballots).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Footnotes).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.Date });
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.ToTable("deliberation_ballots");
        b.HasKey(x => new { x.VoteId, x.State });
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class VoteFootnoteConfiguration : IEntityTypeConfiguration<VoteFootnote>
{
    public void Configure(EntityTypeBuilder<VoteFootnote> b)
    {
        b.ToTable("deliberation_vote_footnotes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Intended).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}
