using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Deliberation;

/// <summary>An invitation by the secretariat to Member States to comment by a deadline.</summary>
public sealed class Consultation : IStateOwned
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Question { get; set; }
    /// <summary>The body of the invitation, as the Chair's letter words it.</summary>
    public required string Invitation { get; set; }
    /// <summary>The introduction printed at the head of the compilation.</summary>
    public string? Introduction { get; set; }
    /// <summary>Language of the title, question, invitation and introduction.</summary>
    public required string Language { get; set; }
    /// <summary>Symbol of the compilation document, e.g. A/AC.291/4.</summary>
    public string? Symbol { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset OriginalDeadline { get; set; }
    public DateTimeOffset Deadline { get; set; }
    /// <summary>Comma-separated ISO3 codes of the States invited; null when every Member State is.</summary>
    public string? InvitedStates { get; set; }
    public int Version { get; set; }
    public List<ConsultationDeadlineChange> DeadlineChanges { get; set; } = [];

    string? IStateOwned.OwnerState => null;

    public bool Invites(string? state) =>
        state is not null && (InvitedStates is null || InvitedStates.Split(',').Contains(state, StringComparer.Ordinal));

    public ConsultationSchedule Schedule() => new(OpenedAt, OriginalDeadline,
        DeadlineChanges.Select(c => new DeadlineChange(c.From, c.To, c.ChangedAt, c.ChangedBy, c.Reason)));
}

public sealed class ConsultationDeadlineChange : IStateOwned
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public string? Reason { get; set; }
    string? IStateOwned.OwnerState => null;
}

/// <summary>The secretariat's acceptance of a late submission from one State, until an instant.</summary>
public sealed class LateAcceptance : IStateOwned
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public required string State { get; set; }
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public required string GrantedBy { get; set; }
    string? IStateOwned.OwnerState => State;
}

/// <summary>A State's comments in a consultation; one per State, which it may replace while the consultation is open.</summary>
public sealed class Submission : IStateOwned
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public required string State { get; set; }
    public required string OriginalLanguage { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    /// <summary>Received after the deadline, under a late acceptance.</summary>
    public bool Late { get; set; }
    public int Version { get; set; }
    public List<SubmissionText> Texts { get; set; } = [];
    public List<SubmissionAttachment> Attachments { get; set; } = [];
    string? IStateOwned.OwnerState => State;
}

/// <summary>One language version of a submission, with its translation status.</summary>
public sealed class SubmissionText : IStateOwned
{
    public Guid SubmissionId { get; set; }
    public required string Language { get; set; }
    public required string State { get; set; }
    public string? Text { get; set; }
    public TranslationStatus Status { get; set; }
    public string? TranslatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    string? IStateOwned.OwnerState => State;
}

public sealed class SubmissionAttachment : IStateOwned
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string State { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    string? IStateOwned.OwnerState => State;
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<DraftStatus>))]
public enum DraftStatus
{
    /// <summary>Being prepared by its sponsors; seen only by them and the secretariat.</summary>
    Working,
    /// <summary>Issued under its symbol: a public document that other States may co-sponsor.</summary>
    Issued,
    Adopted,
    Rejected,
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<SponsorKind>))]
public enum SponsorKind
{
    Main,
    CoSponsor,
}

/// <summary>A draft resolution, its revisions and its sponsors.</summary>
public sealed class DraftResolution : IStateOwned
{
    public Guid Id { get; set; }
    /// <summary>The State whose delegate started the draft; null when the secretariat entered it.</summary>
    public string? OwnerState { get; set; }
    /// <summary>The symbol of the original text (A/C.3/74/L.11); revisions append /Rev.n.</summary>
    public string? Symbol { get; set; }
    public required string Title { get; set; }
    public string? AgendaItem { get; set; }
    public required string Language { get; set; }
    public DraftStatus Status { get; set; }
    public int CurrentRevision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    /// <summary>The resolution number once adopted (e.g. 74/173).</summary>
    public string? ResolutionNumber { get; set; }
    public int Version { get; set; }
    public List<DraftRevision> Revisions { get; set; } = [];
    public List<DraftSponsor> Sponsors { get; set; } = [];

    /// <summary>The revision that was issued under <see cref="Symbol"/>; later ones are its Rev.1, Rev.2…</summary>
    public int? IssuedRevision { get; set; }

    public string? CurrentSymbol => SymbolOf(CurrentRevision);

    /// <summary>The symbol of revision <paramref name="number"/>; none for texts prepared before issue.</summary>
    public string? SymbolOf(int number) =>
        Symbol is null || IssuedRevision is not { } issued || number < issued ? null : DraftSymbol.Of(Symbol, number - issued);
}

public sealed class DraftRevision : IStateOwned
{
    public Guid Id { get; set; }
    public Guid DraftId { get; set; }
    public int Number { get; set; }
    public string? OwnerState { get; set; }
    public required string Title { get; set; }
    public string? BudgetImplications { get; set; }
    /// <summary>The paragraphs as JSON: a revision is written once and read whole, never queried by paragraph.</summary>
    public required string ParagraphsJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public sealed class DraftSponsor : IStateOwned
{
    public Guid DraftId { get; set; }
    public required string State { get; set; }
    public SponsorKind Kind { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    string? IStateOwned.OwnerState => State;
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<VoteStatus>))]
public enum VoteStatus
{
    Open,
    Closed,
}

/// <summary>A vote on a draft, an amendment or a paragraph; recorded (with ballots) or without a vote.</summary>
public sealed class Vote : IStateOwned
{
    public Guid Id { get; set; }
    public Guid? DraftId { get; set; }
    public required string Body { get; set; }
    public required string DraftSymbol { get; set; }
    public string? AmendmentSymbol { get; set; }
    public ParagraphKind? ParagraphKind { get; set; }
    public int? ParagraphNumber { get; set; }
    public DateOnly Date { get; set; }
    public VoteMethod Method { get; set; }
    public RequiredMajority Majority { get; set; }
    public VoteStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public VoteOutcome? Outcome { get; set; }
    public int Yes { get; set; }
    public int No { get; set; }
    public int Abstain { get; set; }
    public int NonParticipating { get; set; }
    public int Version { get; set; }
    public List<Ballot> Ballots { get; set; } = [];
    public List<VoteFootnote> Footnotes { get; set; } = [];
    string? IStateOwned.OwnerState => null;

    public VoteSubject Subject => new(Body, DraftSymbol, AmendmentSymbol, ParagraphKind, ParagraphNumber);
}

public sealed class Ballot : IStateOwned
{
    public Guid VoteId { get; set; }
    public required string State { get; set; }
    public VoteChoice Choice { get; set; }
    string? IStateOwned.OwnerState => State;
}

public sealed class VoteFootnote : IStateOwned
{
    public Guid Id { get; set; }
    public Guid VoteId { get; set; }
    public required string State { get; set; }
    public VoteChoice Intended { get; set; }
    public DateOnly StatedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    string? IStateOwned.OwnerState => State;
}

internal sealed class DeliberationConfiguration :
    IEntityTypeConfiguration<Consultation>, IEntityTypeConfiguration<ConsultationDeadlineChange>, IEntityTypeConfiguration<LateAcceptance>,
    IEntityTypeConfiguration<Submission>, IEntityTypeConfiguration<SubmissionText>, IEntityTypeConfiguration<SubmissionAttachment>,
    IEntityTypeConfiguration<DraftResolution>, IEntityTypeConfiguration<DraftRevision>, IEntityTypeConfiguration<DraftSponsor>,
    IEntityTypeConfiguration<Vote>, IEntityTypeConfiguration<Ballot>, IEntityTypeConfiguration<VoteFootnote>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("deliberation_consultations");
        b.HasKey(x => x.Id);
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

    public void Configure(EntityTypeBuilder<ConsultationDeadlineChange> b)
    {
        b.ToTable("deliberation_deadline_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<LateAcceptance> b)
    {
        b.ToTable("deliberation_late_acceptances");
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.GrantedBy).HasMaxLength(200);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConsultationId, x.State });
    }

    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("deliberation_submissions");
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.OriginalLanguage).HasMaxLength(2);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConsultationId, x.State }).IsUnique();
        b.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SubmissionText> b)
    {
        b.ToTable("deliberation_submission_texts");
        b.HasKey(x => new { x.SubmissionId, x.Language });
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.TranslatedBy).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<SubmissionAttachment> b)
    {
        b.ToTable("deliberation_submission_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<DraftResolution> b)
    {
        b.ToTable("deliberation_drafts");
        b.HasKey(x => x.Id);
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

    public void Configure(EntityTypeBuilder<DraftRevision> b)
    {
        b.ToTable("deliberation_draft_revisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerState).HasMaxLength(3);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.DraftId, x.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DraftSponsor> b)
    {
        b.ToTable("deliberation_draft_sponsors");
        b.HasKey(x => new { x.DraftId, x.State });
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.ToTable("deliberation_votes");
        b.HasKey(x => x.Id);
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
        b.HasOne<DraftResolution>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Ballots).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Footnotes).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.Date });
    }

    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.ToTable("deliberation_ballots");
        b.HasKey(x => new { x.VoteId, x.State });
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<VoteFootnote> b)
    {
        b.ToTable("deliberation_vote_footnotes");
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasMaxLength(3);
        b.Property(x => x.Intended).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}
