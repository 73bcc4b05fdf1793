using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Knowledge;

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
        b.Ignore(p => p.TermList);
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
        b.Ignore(c => c.TermList);
        b.Ignore(c => c.ProvisionList);
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
