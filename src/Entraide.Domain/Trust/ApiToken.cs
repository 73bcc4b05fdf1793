using System.Security.Cryptography;
using System.Text;
using Entraide.Domain.Common;

namespace Entraide.Domain.Trust;

/// <summary>
/// A revocable credential for a State's own system (its case-management system, say), scoped to that
/// State and to a set of roles. Only a SHA-256 digest of the secret is kept; the secret is shown once.
/// </summary>
public sealed class ApiToken : IStateOwned
{
    public const string SecretPrefix = "ent_";

    public Guid Id { get; init; }
    public required string Name { get; init; }
    public string? StateCode { get; init; }
    public required string Roles { get; init; }
    public required string SecretDigest { get; init; }
    public required string Prefix { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }

    string? IStateOwned.OwnerState => StateCode;

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>
    /// A new token of <paramref name="state"/> (null: the secretariat) with <paramref name="roles"/>, and its secret,
    /// which is not kept: only its digest and its first ten characters (to tell tokens apart) are.
    /// </summary>
    public static (ApiToken Token, string Secret) Issue(string name, string? state, IEnumerable<string> roles, string createdBy,
        DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        var secret = NewSecret();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            StateCode = state,
            Roles = string.Join(",", roles.Distinct(StringComparer.Ordinal)),
            SecretDigest = DigestOf(secret),
            Prefix = secret[..10],
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        return (token, secret);
    }

    /// <summary>Revokes the token from <paramref name="now"/> on; a token revoked already is a conflict.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null) throw DomainException.Conflict("token-revoked");
        RevokedAt = now;
    }

    /// <summary>A new random secret: <c>ent_</c> followed by 32 random bytes in URL-safe base64.</summary>
    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string DigestOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
