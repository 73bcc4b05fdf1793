using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Network;

internal sealed class StateProfileConfiguration : IEntityTypeConfiguration<StateProfile>
{
    public void Configure(EntityTypeBuilder<StateProfile> b)
    {
        b.ToTable("network_profiles");
        b.HasKey(p => p.State);
        b.Property(p => p.State).HasMaxLength(3);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.PoliticalOffenceTerms).HasMaxLength(2000);
        b.Property(p => p.AcceptedLanguages).HasMaxLength(500);
        b.Property(p => p.CriminalisedOptionalCategories).HasMaxLength(2000);
        b.Property(p => p.NotCriminalisedOptionalCategories).HasMaxLength(2000);
        b.Property(p => p.Notes).HasMaxLength(8000);
        b.Property(p => p.UpdatedBy).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> b)
    {
        b.ToTable("network_authorities");
        b.HasKey(a => a.Id);
        b.Property(a => a.State).HasMaxLength(3);
        b.Property(a => a.Kind).HasMaxLength(40);
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.Address).HasMaxLength(1000);
        b.Property(a => a.Phones).HasMaxLength(500);
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Languages).HasMaxLength(200);
        b.Property(a => a.OfficeHours).HasMaxLength(1000);
        b.Property(a => a.TimeZone).HasMaxLength(64);
        b.Property(a => a.PreferredChannel).HasMaxLength(20);
        b.Property(a => a.UpdatedBy).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.State, a.Kind });
        b.Ignore(a => a.PhoneList);
        b.Ignore(a => a.LanguageList);
        b.Ignore(a => a.Details);
    }
}

internal sealed class ProfileVersionConfiguration : IEntityTypeConfiguration<ProfileVersion>
{
    public void Configure(EntityTypeBuilder<ProfileVersion> b)
    {
        b.ToTable("network_profile_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.State).HasMaxLength(3);
        b.Property(v => v.ActorId).HasMaxLength(200);
        b.Property(v => v.ActorName).HasMaxLength(200);
        b.Property(v => v.Change).HasMaxLength(60);
        b.HasIndex(v => new { v.State, v.Number }).IsUnique();
    }
}

internal sealed class ProfileFlagConfiguration : IEntityTypeConfiguration<ProfileFlag>
{
    public void Configure(EntityTypeBuilder<ProfileFlag> b)
    {
        b.ToTable("network_profile_flags");
        b.HasKey(f => f.Id);
        b.Property(f => f.State).HasMaxLength(3);
        b.Property(f => f.Note).HasMaxLength(2000);
        b.Property(f => f.RaisedBy).HasMaxLength(200);
        b.Property(f => f.ResolvedBy).HasMaxLength(200);
        b.Property(f => f.Resolution).HasMaxLength(2000);
        b.HasIndex(f => f.State);
    }
}

internal sealed class VerificationRoundConfiguration : IEntityTypeConfiguration<VerificationRound>
{
    public void Configure(EntityTypeBuilder<VerificationRound> b)
    {
        b.ToTable("network_verification_rounds");
        b.HasKey(r => r.Id);
        b.Property(r => r.StartedBy).HasMaxLength(200);
        b.Property(r => r.Message).HasMaxLength(2000);
        b.Ignore(r => r.DueBy);
    }
}

internal sealed class VerificationCheckConfiguration : IEntityTypeConfiguration<VerificationCheck>
{
    public void Configure(EntityTypeBuilder<VerificationCheck> b)
    {
        b.ToTable("network_verification_checks");
        b.HasKey(c => c.Id);
        b.Property(c => c.State).HasMaxLength(3);
        b.Property(c => c.AuthorityName).HasMaxLength(300);
        b.Property(c => c.AcknowledgedBy).HasMaxLength(200);
        b.HasIndex(c => c.RoundId);
        b.HasIndex(c => new { c.State, c.AcknowledgedAt });
        b.HasIndex(c => c.AuthorityId);
        b.Ignore(c => c.Times);
    }
}
