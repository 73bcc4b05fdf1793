using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Entraide.Domain.Notifications;

/// <summary>
/// How a State's system checks that a webhook call comes from Entraide and was not replayed: the
/// <c>Entraide-Signature</c> header is <c>v1=</c> followed by the lower-case hex HMAC-SHA256, keyed
/// with the subscription's secret (its UTF-8 bytes), of the <c>Entraide-Timestamp</c> header (Unix
/// seconds), a full stop, and the raw body bytes. A receiver recomputes it, compares in constant
/// time, and refuses a timestamp older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    public const string Version = "v1";
    public const string SignatureHeader = "Entraide-Signature";
    public const string TimestampHeader = "Entraide-Timestamp";
    public const string EventHeader = "Entraide-Event";
    public const string DeliveryHeader = "Entraide-Delivery";

    /// <summary>Receivers should refuse calls signed longer ago than this.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
        return Version + "=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> was made with <paramref name="secret"/> over this timestamp and body, within the tolerance of
    /// <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now,
        TimeSpan? tolerance = null)
    {
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) return false;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(ts);
        var limit = tolerance ?? DefaultTolerance;
        if (age > limit || age < -limit) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, ts, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim()));
    }
}
