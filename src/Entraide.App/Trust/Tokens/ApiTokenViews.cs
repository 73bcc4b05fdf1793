using Entraide.Domain.Trust;

namespace Entraide.App.Trust.Tokens;

public sealed record ApiTokenView(Guid Id, string Name, string? State, IReadOnlyList<string> Roles, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active)
{
    internal static ApiTokenView Of(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.StateCode, t.RoleList, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.IsActive(now));
}

/// <summary>A token just issued, with its secret: the only time the secret is shown.</summary>
public sealed record CreatedApiToken(ApiTokenView Token, string Secret);
