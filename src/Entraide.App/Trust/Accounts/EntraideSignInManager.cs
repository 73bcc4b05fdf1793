using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// Identity's sign-in manager, opened for <see cref="SignInWithPasswordHandler"/>: that use case checks
/// the password itself (the same work for every e-mail address) and then asks for the session or the
/// second step here.
/// </summary>
public sealed class EntraideSignInManager(
    UserManager<EntraideUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<EntraideUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<EntraideUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<EntraideUser> confirmation)
    : SignInManager<EntraideUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>After a right password: the session, or the second step for an account with an authenticator.</summary>
    internal Task<SignInResult> SignInAfterPasswordAsync(EntraideUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);
}

/// <summary>What a session's cookie keeps when the security stamp check rebuilds it.</summary>
internal static class SessionClaims
{
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var c in current.FindAll(SecondFactorGate.MethodClaim))
                if (!identity.HasClaim(c.Type, c.Value)) identity.AddClaim(new System.Security.Claims.Claim(c.Type, c.Value));
        }
        return Task.CompletedTask;
    }
}
