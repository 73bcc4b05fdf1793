using Entraide.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Evidence;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> b)
    {
        b.ToTable("evidence_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.OwnerStateCode).HasMaxLength(3);
        b.Property(i => i.FileName).HasMaxLength(EvidenceItem.MaxFileNameLength);
        b.Property(i => i.Description).HasMaxLength(EvidenceItem.MaxDescriptionLength);
        b.Property(i => i.Custodian).HasMaxLength(EvidenceItem.MaxSourceFieldLength);
        b.Property(i => i.SourceSystem).HasMaxLength(EvidenceItem.MaxSourceFieldLength);
        b.Property(i => i.AcquisitionMethod).HasMaxLength(EvidenceItem.MaxSourceFieldLength);
        b.Property(i => i.AcquisitionTool).HasMaxLength(EvidenceItem.MaxSourceFieldLength);
        b.Property(i => i.AcquiredBy).HasMaxLength(EvidenceItem.MaxSourceFieldLength);
        b.Property(i => i.DeclaredSha256).HasMaxLength(EvidenceItem.Sha256HexLength);
        b.Property(i => i.Sha256).HasMaxLength(EvidenceItem.Sha256HexLength);
        b.Property(i => i.Sha512).HasMaxLength(EvidenceItem.Sha512HexLength);
        b.Property(i => i.StorageKey).HasMaxLength(200);
        b.Property(i => i.KeyId).HasMaxLength(40);
        b.Property(i => i.WrappedKey).HasMaxLength(128);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.UploadedBy).HasMaxLength(100);
        b.Property(i => i.UploadedByName).HasMaxLength(200);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.OwnerState);
        b.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        // A request's evidence, listed in order; the sweep reads only the unfinished uploads (a partial index).
        b.HasIndex(i => new { i.RequestId, i.CreatedAt });
        b.HasIndex(i => i.PackageId);
        b.HasIndex(i => i.ExpiresAt).HasFilter("\"ExpiresAt\" IS NOT NULL");
        // Rotation re-wraps the data keys of the items whose key is not the current one.
        b.HasIndex(i => i.KeyId);
    }
}

internal sealed class EvidencePackageConfiguration : IEntityTypeConfiguration<EvidencePackage>
{
    public void Configure(EntityTypeBuilder<EvidencePackage> b)
    {
        b.ToTable("evidence_packages");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.OwnerStateCode).HasMaxLength(3);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.SealedBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.OwnerState);
        b.Ignore(p => p.IsOpen);
        b.HasIndex(p => new { p.RequestId, p.OwnerStateCode });
    }
}

internal sealed class CustodyEventConfiguration : IEntityTypeConfiguration<CustodyEvent>
{
    public void Configure(EntityTypeBuilder<CustodyEvent> b)
    {
        b.ToTable("evidence_custody_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ActorId).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.ActorState).HasMaxLength(3);
        b.Property(e => e.ItemOwnerState).HasMaxLength(3);
        b.Property(e => e.Address).HasMaxLength(CustodyEvent.MaxAddressLength);
        b.Property(e => e.Sha256).HasMaxLength(EvidenceItem.Sha256HexLength);
        b.Property(e => e.Detail).HasMaxLength(CustodyEvent.MaxDetailLength);
        b.Ignore(e => e.OwnerState);
        b.HasIndex(e => new { e.ItemId, e.At });
    }
}
