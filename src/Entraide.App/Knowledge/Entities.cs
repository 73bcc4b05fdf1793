using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Knowledge;

/// <summary>
/// A law of a State (the Akoma Ntoso "work"): the instrument itself, whatever its language versions.
/// Repeal sets <see cref="RepealedOn"/> and keeps every version, so the law as it was stays readable.
/// </summary>
public sealed class LegalWork : IStateOwned
{
    public Guid Id { get; set; }
    public required string State { get; set; }
    public required string Title { get; set; }
    public required string Type { get; set; }
    public required string OriginalLanguage { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    public DateOnly? RepealedOn { get; set; }
    /// <summary>Demo content: shown with an "example" badge, never mistaken for a State's real law.</summary>
    public bool Example { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    string? IStateOwned.OwnerState => State;
}

/// <summary>One language version of a law as consolidated at a date; an amendment adds a later one.</summary>
public sealed class LegalExpression : IStateOwned
{
    public Guid Id { get; set; }
    public Guid WorkId { get; set; }
    public required string State { get; set; }
    public required string Language { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    string? IStateOwned.OwnerState => State;
}

/// <summary>A provision (article, section) of one expression, tagged with taxonomy terms and, for offences, the penalty.</summary>
public sealed class LegalProvision : IStateOwned
{
    public Guid Id { get; set; }
    public Guid ExpressionId { get; set; }
    public Guid WorkId { get; set; }
    public required string State { get; set; }
    public int Ordinal { get; set; }
    /// <summary>Stable identifier within the work (Akoma Ntoso eId, e.g. <c>art_323-1</c>), the same across versions and languages.</summary>
    public required string Eid { get; set; }
    /// <summary>How the provision is numbered in its own language, e.g. "Article 323-1".</summary>
    public required string Number { get; set; }
    public string? Heading { get; set; }
    public required string Text { get; set; }
    /// <summary>Taxonomy codes, comma-separated.</summary>
    public string Terms { get; set; } = "";
    public int? PenaltyMinMonths { get; set; }
    public int? PenaltyMaxMonths { get; set; }

    string? IStateOwned.OwnerState => State;

    public IReadOnlyList<string> TermList => Terms.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A court decision or a lesson learned, linked to the provisions and terms it concerns.</summary>
public sealed class CaseNote : IStateOwned
{
    public Guid Id { get; set; }
    public required string State { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Language { get; set; }
    public DateOnly Date { get; set; }
    public string? Source { get; set; }
    public string Terms { get; set; } = "";
    /// <summary>Linked provision ids, comma-separated.</summary>
    public string Provisions { get; set; } = "";
    public bool Example { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    string? IStateOwned.OwnerState => State;

    public IReadOnlyList<string> TermList => Terms.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<Guid> ProvisionList => [.. Provisions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}

public static class CaseKinds
{
    public const string Decision = "decision";
    public const string Lesson = "lesson";
    public static readonly IReadOnlyList<string> All = [Decision, Lesson];
}

/// <summary>A reference document of the United Nations (resolution, compilation) held in full for search.</summary>
public sealed class KnowledgeDocument
{
    public Guid Id { get; set; }
    public required string Symbol { get; set; }
    public required string Title { get; set; }
    public required string Language { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class LegalWorkConfiguration : IEntityTypeConfiguration<LegalWork>
{
    public void Configure(EntityTypeBuilder<LegalWork> b)
    {
        b.ToTable("knowledge_works");
        b.HasKey(w => w.Id);
        b.Property(w => w.State).HasMaxLength(3);
        b.Property(w => w.Title).HasMaxLength(500);
        b.Property(w => w.Type).HasMaxLength(20);
        b.Property(w => w.OriginalLanguage).HasMaxLength(2);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => w.State);
    }
}

internal sealed class LegalExpressionConfiguration : IEntityTypeConfiguration<LegalExpression>
{
    public void Configure(EntityTypeBuilder<LegalExpression> b)
    {
        b.ToTable("knowledge_expressions");
        b.HasKey(e => e.Id);
        b.Property(e => e.State).HasMaxLength(3);
        b.Property(e => e.Language).HasMaxLength(2);
        b.Property(e => e.Title).HasMaxLength(500);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasOne<LegalWork>().WithMany().HasForeignKey(e => e.WorkId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.WorkId, e.Language, e.Date }).IsUnique();
        b.HasIndex(e => e.State);
    }
}

internal sealed class LegalProvisionConfiguration : IEntityTypeConfiguration<LegalProvision>
{
    public void Configure(EntityTypeBuilder<LegalProvision> b)
    {
        b.ToTable("knowledge_provisions");
        b.HasKey(p => p.Id);
        b.Property(p => p.State).HasMaxLength(3);
        b.Property(p => p.Eid).HasMaxLength(100);
        b.Property(p => p.Number).HasMaxLength(100);
        b.Property(p => p.Heading).HasMaxLength(500);
        b.Property(p => p.Text).HasMaxLength(20000);
        b.Property(p => p.Terms).HasMaxLength(1000);
        b.HasOne<LegalExpression>().WithMany().HasForeignKey(p => p.ExpressionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.ExpressionId);
        b.HasIndex(p => p.WorkId);
        b.HasIndex(p => p.State);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("knowledge_cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.State).HasMaxLength(3);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Title).HasMaxLength(500);
        b.Property(c => c.Summary).HasMaxLength(20000);
        b.Property(c => c.Language).HasMaxLength(2);
        b.Property(c => c.Source).HasMaxLength(500);
        b.Property(c => c.Terms).HasMaxLength(1000);
        b.Property(c => c.Provisions).HasMaxLength(4000);
        b.HasIndex(c => c.State);
    }
}

internal sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> b)
    {
        b.ToTable("knowledge_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.Symbol).HasMaxLength(100);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Language).HasMaxLength(2);
        b.HasIndex(d => new { d.Symbol, d.Language }).IsUnique();
    }
}
