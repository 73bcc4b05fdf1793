using System.Security.Claims;
using System.Text.Encodings.Web;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Entraide.App.Trust.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer ent_…</c> against the stored token digests.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    EntraideDbContext db,
    ApiTokenCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();

        var digest = ApiToken.DigestOf(secret);
        var token = cache.Find(digest);
        if (token is null)
        {
            token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.SecretDigest == digest, Context.RequestAborted);
            // Only tokens that exist are kept: random secrets must not fill the memory.
            if (token is not null) cache.Keep(token);
        }
        if (token is null || !token.IsActive(clock.GetUtcNow())) return AuthenticateResult.Fail("invalid or revoked token");

        var claims = new List<Claim>
        {
            new(EntraideClaims.TokenId, "token:" + token.Id.ToString("N")),
            new(ClaimTypes.Name, token.Name),
            new(EntraideClaims.DisplayName, token.Name),
        };
        if (token.StateCode is not null) claims.Add(new Claim(EntraideClaims.State, token.StateCode));
        claims.AddRange(token.RoleList.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>
/// The tokens that authenticated recently, by digest, so that a State system's calls do not each read
/// the token table. A revocation made in this process takes effect at once (<see cref="Forget"/>);
/// one made elsewhere (the CLI, another server instance) within <see cref="Lifetime"/>. Expiry is
/// checked on every call against the cached expiry date.
/// </summary>
public sealed class ApiTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ApiToken Token, DateTimeOffset Until)> _tokens =
        new(StringComparer.Ordinal);

    internal ApiToken? Find(string digest)
    {
        if (!_tokens.TryGetValue(digest, out var e)) return null;
        if (e.Until > clock.GetUtcNow()) return e.Token;
        _tokens.TryRemove(new KeyValuePair<string, (ApiToken, DateTimeOffset)>(digest, e));
        return null;
    }

    internal void Keep(ApiToken token)
    {
        if (_tokens.Count >= MaxEntries) _tokens.Clear();
        _tokens[token.SecretDigest] = (token, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>Drops a token at once, e.g. when it is revoked.</summary>
    public void Forget(string digest) => _tokens.TryRemove(digest, out _);
}
