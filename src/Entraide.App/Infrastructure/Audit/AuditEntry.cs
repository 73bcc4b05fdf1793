using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Infrastructure.Audit;

/// <summary>
/// One audited change. Written in the same transaction as the change, without a hash; the
/// <see cref="AuditChainer"/> then gives it its place in the chain (<see cref="Sequence"/>) and its
/// <see cref="Hash"/>, in commit order.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long? Sequence { get; set; }
    public long OccurredAtMs { get; set; }
    public required string ActorId { get; set; }
    public string? StateCode { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? BeforeDigest { get; set; }
    public string? AfterDigest { get; set; }
    public string? Hash { get; set; }

    /// <summary>
    /// The entry's seal (<see cref="AuditChain.Seal"/>) under the installation's audit key, written with
    /// the entry: a pending entry that was not written by Entraide has none that matches, and is never chained.
    /// </summary>
    public string? Seal { get; set; }

    /// <summary>The <see cref="Hash"/> of a pending entry that <c>audit chain</c> refused (its seal does not match): kept out of the chain.</summary>
    public const string RefusedMark = "refused";
}

/// <summary>The last link of the chain: its sequence and hash. One row.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

/// <summary>Marks an entity whose writes are not audited (the audit's own tables, caches).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("trust_audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.ActorId).HasMaxLength(100);
        b.Property(e => e.StateCode).HasMaxLength(3);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.BeforeDigest).HasMaxLength(64);
        b.Property(e => e.AfterDigest).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.Seal).HasMaxLength(AuditChain.SealLength);
        b.HasIndex(e => e.Sequence).IsUnique();
        // A copy of a genuine pending entry carries the same seal: refused by the database, and reported by `audit verify`.
        b.HasIndex(e => e.Seal).IsUnique();
        b.HasIndex(e => new { e.StateCode, e.Id });
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("trust_audit_head");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, Sequence = 0, Hash = new string('0', 64) });
    }
}
