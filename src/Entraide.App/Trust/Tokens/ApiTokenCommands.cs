using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Tokens;

public sealed record CreateApiToken(string Name, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt);

public sealed record ApiTokenView(Guid Id, string Name, string? State, IReadOnlyList<string> Roles, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

public sealed record CreatedApiToken(ApiTokenView Token, string Secret);

/// <summary>
/// A State administrator issues tokens for its own State's systems, with at most the roles a State
/// account can hold; the secretariat issues tokens for the secretariat. The secret is returned once.
/// </summary>
public sealed class ApiTokenCommands(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, ApiTokenCache cache)
{
    public async Task<CreatedApiToken> CreateAsync(CreateApiToken cmd, CancellationToken ct)
    {
        var actor = current.Current;
        if (!actor.Has(Domain.Trust.Roles.StateAdministrator) && !actor.IsSecretariat)
            throw new DomainException(FailureKind.Forbidden, "forbidden");

        var errors = new List<DomainError>();
        var name = cmd.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(DomainError.Required("name"));
        else if (name.Length > 200) errors.Add(new DomainError("too-long", "name"));
        if (cmd.Roles is null || cmd.Roles.Count == 0) errors.Add(DomainError.Required("roles"));
        else
        {
            foreach (var r in cmd.Roles.Distinct())
            {
                if (!Domain.Trust.Roles.IsKnown(r)) errors.Add(new DomainError("unknown-role", "roles") { Arguments = [r] });
                else if (r == Domain.Trust.Roles.Secretariat && !actor.IsSecretariat) errors.Add(new DomainError("invalid-value", "roles"));
                else if (r != Domain.Trust.Roles.Secretariat && actor.StateCode is null && r != Domain.Trust.Roles.Donor) errors.Add(new DomainError("invalid-value", "roles"));
            }
        }
        var now = clock.GetUtcNow();
        if (cmd.ExpiresAt is { } exp && exp <= now) errors.Add(new DomainError("invalid-value", "expiresAt"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            StateCode = actor.StateCode,
            Roles = string.Join(",", cmd.Roles!.Distinct(StringComparer.Ordinal)),
            SecretDigest = ApiToken.DigestOf(secret),
            Prefix = secret[..10],
            CreatedBy = actor.Id,
            CreatedAt = now,
            ExpiresAt = cmd.ExpiresAt?.ToUniversalTime(),
        };
        audit.Action = "trust.token.create";
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(View(token, now), secret);
    }

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken ct)
    {
        var actor = current.Current;
        var state = actor.StateCode;
        var now = clock.GetUtcNow();
        var tokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.StateCode == state).ToListAsync(ct);
        return [.. tokens.OrderByDescending(t => t.CreatedAt).Select(t => View(t, now))];
    }

    public async Task<ApiTokenView> RevokeAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Current;
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == id, ct);
        // Another State's token does not exist for this actor.
        if (token is null || token.StateCode != actor.StateCode) throw DomainException.NotFound("token");
        if (!actor.Has(Domain.Trust.Roles.StateAdministrator) && !actor.IsSecretariat)
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (token.RevokedAt is not null) throw DomainException.Conflict("token-revoked");
        token.RevokedAt = clock.GetUtcNow();
        audit.Action = "trust.token.revoke";
        await db.SaveChangesAsync(ct);
        cache.Forget(token.SecretDigest);
        return View(token, clock.GetUtcNow());
    }

    internal static ApiTokenView View(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.StateCode, t.RoleList, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.IsActive(now));
}
