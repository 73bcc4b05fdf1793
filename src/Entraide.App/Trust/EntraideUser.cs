using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;

namespace Entraide.App.Trust;

/// <summary>An account. It belongs to one State (ISO 3166 alpha-3 code), or to the secretariat when <see cref="StateCode"/> is null.</summary>
public sealed class EntraideUser : IdentityUser, IStateOwned
{
    public string? StateCode { get; set; }
    public string DisplayName { get; set; } = "";
    public string PreferredLanguage { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last 30-second step whose authenticator code this account used: no code of it or before is accepted again.</summary>
    public long? LastTotpStep { get; set; }

    string? IStateOwned.OwnerState => StateCode;
}
