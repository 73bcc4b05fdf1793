using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// Authenticator codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six digits), accepted for the
/// current step and one either side, and <b>once</b>: the account remembers the last step it accepted
/// (<see cref="EntraideUser.LastTotpStep"/>) and refuses a code of that step or an earlier one, so a
/// code seen over a shoulder or in a log cannot be replayed while it is still valid.
/// </summary>
public sealed class OneUseAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<EntraideUser>
{
    public const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<EntraideUser> manager, EntraideUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The application on the person's phone generates the codes, never the server.
    public Task<string> GenerateAsync(string purpose, UserManager<EntraideUser> manager, EntraideUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<EntraideUser> manager, EntraideUser user)
    {
        if (token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        var key = Base32(await manager.GetAuthenticatorKeyAsync(user));
        if (key is null) return false;
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (user.LastTotpStep is { } last && step <= last) continue;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(token))) continue;
            user.LastTotpStep = step;
            // The concurrency stamp makes two requests racing with one code save at most once.
            return (await manager.UpdateAsync(user)).Succeeded;
        }
        return false;
    }

    /// <summary>The six-digit code of <paramref name="step"/> (RFC 4226 dynamic truncation).</summary>
    internal static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes an RFC 4648 base32 key (as Identity stores it), or null when it is not one.</summary>
    internal static byte[]? Base32(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var ch in text.TrimEnd('='))
        {
            var v = Alphabet.IndexOf(char.ToUpperInvariant(ch), StringComparison.Ordinal);
            if (v < 0) return null;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return bytes.Count == 0 ? null : [.. bytes];
    }
}
