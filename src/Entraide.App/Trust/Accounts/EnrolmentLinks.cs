using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace Entraide.App.Trust.Accounts;

/// <summary>What a presented enrolment link is worth for the account that presents it.</summary>
public enum EnrolmentLinkState
{
    Valid,

    /// <summary>No link was presented.</summary>
    Missing,

    /// <summary>Not a link issued for this account (forged, mistyped, another account's, or replaced by a newer one).</summary>
    Invalid,
    Used,
    Expired,
}

/// <summary>A link just issued: its secret (shown once, never stored), the path that carries it, and when it stops working.</summary>
public sealed record EnrolmentLink(string Secret, string Path, DateTimeOffset ExpiresAt)
{
    /// <summary>The link as an absolute address when Entraide's public address (<c>Entraide:PublicUrl</c>) is known.</summary>
    public string Url(string? publicUrl) => string.IsNullOrWhiteSpace(publicUrl) ? Path : publicUrl.TrimEnd('/') + Path;
}

/// <summary>
/// One-time enrolment links: the second factor is first set up with the password <em>and</em> a link given to
/// the account's holder when the account is created or its authenticator reset, so that knowing the password
/// alone never lets anyone enrol an authenticator of their own. One link per account at a time, kept as an
/// Identity user token holding its SHA-256 digest (never the link), its expiry and whether it was used;
/// issuing a new link replaces the old one. <c>Trust:EnrolmentLinkHours</c> (72 by default) is its lifetime.
/// </summary>
public sealed class EnrolmentLinks(UserManager<EntraideUser> users, TimeProvider clock, IConfiguration configuration)
{
    public const string Provider = "Entraide";
    public const string TokenName = "EnrolmentLink";
    public const string Parameter = "link";
    public const int DefaultHours = 72;

    private const string Open = "open";
    private const string Spent = "used";

    public TimeSpan Lifetime
    {
        get
        {
            var hours = configuration.GetValue<double?>("Trust:EnrolmentLinkHours") ?? DefaultHours;
            return TimeSpan.FromHours(hours is > 0 and <= 24 * 31 ? hours : DefaultHours);
        }
    }

    /// <summary>Issues a new link for <paramref name="user"/>, replacing any earlier one.</summary>
    public async Task<EnrolmentLink> IssueAsync(EntraideUser user)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().Add(Lifetime);
        Check(await users.SetAuthenticationTokenAsync(user, Provider, TokenName, Stored(Open, expires, Digest(secret))));
        return new EnrolmentLink(secret, $"{SecondFactorGate.SetupPath}?{Parameter}={secret}", expires);
    }

    public async Task<EnrolmentLinkState> CheckAsync(EntraideUser user, string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) return EnrolmentLinkState.Missing;
        var stored = await users.GetAuthenticationTokenAsync(user, Provider, TokenName);
        if (!TryParse(stored, out var state, out var expires, out var digest)) return EnrolmentLinkState.Invalid;
        var given = Encoding.ASCII.GetBytes(Digest(secret.Trim()));
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(digest))) return EnrolmentLinkState.Invalid;
        if (state == Spent) return EnrolmentLinkState.Used;
        return expires <= clock.GetUtcNow() ? EnrolmentLinkState.Expired : EnrolmentLinkState.Valid;
    }

    /// <summary>Marks the account's link used (it keeps its digest, so that presenting it again says so).</summary>
    public async Task UseAsync(EntraideUser user)
    {
        var stored = await users.GetAuthenticationTokenAsync(user, Provider, TokenName);
        if (TryParse(stored, out _, out var expires, out var digest))
            Check(await users.SetAuthenticationTokenAsync(user, Provider, TokenName, Stored(Spent, expires, digest)));
    }

    /// <summary>
    /// Removes the account's authenticator: two-factor sign-in off, every session ended (new security stamp), and a
    /// new enrolment link issued, without which the next authenticator cannot be set up.
    /// </summary>
    public async Task<EnrolmentLink> ResetAuthenticatorAsync(EntraideUser user)
    {
        Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey"));
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.UpdateSecurityStampAsync(user));
        return await IssueAsync(user);
    }

    /// <summary>The text the set-up page shows for a link that is not valid.</summary>
    public static string Message(EnrolmentLinkState state) => state switch
    {
        EnrolmentLinkState.Used => UsedText,
        EnrolmentLinkState.Expired => ExpiredText,
        EnrolmentLinkState.Invalid => InvalidText,
        _ => MissingText,
    };

    public const string MissingText = "To set up your authenticator, open the enrolment link you were given with your account. "
        + "Ask your administrator for a new one if you have none.";
    public const string UsedText = "This enrolment link has already been used. Ask your administrator for a new one.";
    public const string ExpiredText = "This enrolment link has expired. Ask your administrator for a new one.";
    public const string InvalidText = "This enrolment link is not valid for this account. Ask your administrator for a new one.";

    private static string Stored(string state, DateTimeOffset expires, string digest) =>
        string.Join('|', state, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), digest);

    private static bool TryParse(string? stored, out string state, out DateTimeOffset expires, out string digest)
    {
        state = digest = "";
        expires = default;
        var parts = (stored ?? "").Split('|');
        if (parts.Length != 3 || parts[0] is not (Open or Spent) || parts[2].Length != 64) return false;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        (state, expires, digest) = (parts[0], DateTimeOffset.FromUnixTimeSeconds(seconds), parts[2]);
        return true;
    }

    private static string Digest(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
