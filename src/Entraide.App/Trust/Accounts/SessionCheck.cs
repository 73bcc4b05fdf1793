using System.Security.Claims;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// Whether the session or API token behind a long-lived response (the 24/7 point's live stream) still holds:
/// a session dies with its security stamp (sign-out, reset of the authenticator, a changed password), a token
/// with its revocation or expiry. Each check runs in a scope of its own, so that it never shares a database
/// context with the response it guards.
/// </summary>
internal sealed class SessionCheck(IServiceScopeFactory scopes, TimeProvider clock) : ISessionCheck
{
    public async Task<bool> StillValidAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.Identity?.IsAuthenticated != true) return false;
        await using var scope = scopes.CreateAsyncScope();
        if (principal.FindFirstValue(EntraideClaims.TokenId) is { } tokenClaim)
        {
            if (!tokenClaim.StartsWith("token:", StringComparison.Ordinal)
                || !Guid.TryParseExact(tokenClaim["token:".Length..], "N", out var id)) return false;
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            return token is not null && token.IsActive(clock.GetUtcNow());
        }
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<EntraideUser>>();
        return await signIn.ValidateSecurityStampAsync(principal) is not null;
    }
}
