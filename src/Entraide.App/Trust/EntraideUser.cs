using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Trust;

/// <summary>An account. It belongs to one State (ISO 3166 alpha-3 code), or to the secretariat when <see cref="StateCode"/> is null.</summary>
public sealed class EntraideUser : IdentityUser, IStateOwned
{
    public string? StateCode { get; set; }
    public string DisplayName { get; set; } = "";
    public string PreferredLanguage { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; set; }

    string? IStateOwned.OwnerState => StateCode;
}

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
