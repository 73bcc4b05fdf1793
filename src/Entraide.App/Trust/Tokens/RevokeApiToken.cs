using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Tokens;

public sealed record RevokeApiToken(Guid TokenId);

/// <summary>Revokes a token of the actor's own State (another State's does not exist for it); this server stops accepting it at once.</summary>
public sealed class RevokeApiTokenHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, ApiTokenCache cache)
    : IHandler
{
    public async Task<ApiTokenView> HandleAsync(RevokeApiToken command, CancellationToken ct)
    {
        var actor = current.Current;
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == command.TokenId, ct);
        if (token is null || token.StateCode != actor.StateCode) throw DomainException.NotFound("token");
        TokenIssuers.Require(actor);
        token.Revoke(clock.GetUtcNow());
        audit.Action = "trust.token.revoke";
        await db.SaveChangesAsync(ct);
        cache.Forget(token.SecretDigest);
        return ApiTokenView.Of(token, clock.GetUtcNow());
    }
}
