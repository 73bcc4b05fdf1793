using Entraide.App.Trust.Accounts;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Trust;

internal sealed class EntraideUserConfiguration : IEntityTypeConfiguration<EntraideUser>
{
    public void Configure(EntityTypeBuilder<EntraideUser> b)
    {
        b.Property(u => u.StateCode).HasMaxLength(3);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredLanguage).HasMaxLength(2);
        b.HasIndex(u => u.StateCode);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("trust_api_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.StateCode).HasMaxLength(3);
        b.Property(t => t.Roles).HasMaxLength(400);
        b.Property(t => t.SecretDigest).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.Property(t => t.CreatedBy).HasMaxLength(100);
        b.HasIndex(t => t.SecretDigest).IsUnique();
        b.HasIndex(t => t.StateCode);
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("trust_sign_in_failures");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Account).HasMaxLength(64);
        b.Property(f => f.Address).HasMaxLength(64);
        b.HasIndex(f => new { f.Account, f.Address, f.At });
        b.HasIndex(f => new { f.Address, f.At });
        b.HasIndex(f => f.At);
    }
}
