using System.Security.Claims;
using Entraide.Domain.Trust;

// In the Trust namespace: the host registers it by that name (and seeding sets the system actor on it).
namespace Entraide.App.Trust;

/// <summary><see cref="ICurrentActor"/> from the request's principal (an account's session or an API token).</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    private Actor? _override;

    // Outside any request (CLI, seeding, background work) the system acts.
    public Actor Current => _override ?? (http.HttpContext is { } ctx ? FromPrincipal(ctx.User) : Actor.System);

    /// <summary>For work outside a request (CLI, seeding, background jobs).</summary>
    public void Set(Actor actor) => _override = actor;

    internal static Actor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(EntraideClaims.TokenId) ?? "unknown";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(id, user.FindFirstValue(EntraideClaims.DisplayName) ?? user.Identity.Name ?? id,
            user.FindFirstValue(EntraideClaims.State), roles, IsMachine: user.HasClaim(c => c.Type == EntraideClaims.TokenId));
    }
}
