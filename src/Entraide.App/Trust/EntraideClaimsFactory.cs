using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Entraide.App.Trust;

/// <summary>Adds the account's State, display name and two-factor status to its sign-in cookie.</summary>
internal sealed class EntraideClaimsFactory(UserManager<EntraideUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<EntraideUser, IdentityRole>(users, roles, options)
{
    public const string TwoFactorClaim = "entraide:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EntraideUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        if (user.StateCode is not null) id.AddClaim(new Claim(EntraideClaims.State, user.StateCode));
        id.AddClaim(new Claim(EntraideClaims.DisplayName, user.DisplayName));
        id.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        return id;
    }
}
