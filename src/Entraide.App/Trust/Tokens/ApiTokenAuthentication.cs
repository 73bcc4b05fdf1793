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
        // Read before the row: a change committed while the row is read is not kept as current.
        var stamp = cache.Stamp;
        var token = cache.Find(digest, stamp);
        if (token is null)
        {
            token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.SecretDigest == digest, Context.RequestAborted);
            // Only tokens that exist are kept: random secrets must not fill the memory.
            if (token is not null) cache.Keep(token, stamp);
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
/// the token table. Any committed change to the tokens — in this process, by the CLI or through another
/// server instance on PostgreSQL (announced, <see cref="Infrastructure.ScaleOut.SharedChanges"/>) — moves the
/// tokens' change stamp and the next call of each token reads it again; a revocation made in this process also
/// drops the token at once (<see cref="Forget"/>). <see cref="Lifetime"/> bounds what a change nobody announced
/// (a row edited by hand) takes to apply. Expiry is checked on every call against the cached expiry date.
/// </summary>
public sealed class ApiTokenCache(TimeProvider clock, EntityChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    /// <summary>The tokens' change stamp now: read it before reading a token's row.</summary>
    internal long Stamp => changes.Stamp(typeof(ApiToken));

    internal ApiToken? Find(string digest, long stamp)
    {
        if (!_tokens.TryGetValue(digest, out var e)) return null;
        if (e.Stamp == stamp && e.Until > clock.GetUtcNow()) return e.Token;
        _tokens.TryRemove(new KeyValuePair<string, Entry>(digest, e));
        return null;
    }

    internal void Keep(ApiToken token, long stamp)
    {
        if (_tokens.Count >= MaxEntries) _tokens.Clear();
        _tokens[token.SecretDigest] = new Entry(token, stamp, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>Drops a token at once, e.g. when it is revoked.</summary>
    public void Forget(string digest) => _tokens.TryRemove(digest, out _);

    private sealed record Entry(ApiToken Token, long Stamp, DateTimeOffset Until);
}
