using System.Text;
using Entraide.Domain.Notifications;

namespace Entraide.Domain.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body =
        Encoding.UTF8.GetBytes("{\"event\":\"cooperation.request.received\",\"arguments\":[\"FRA-2026-0001\",\"فرنسا\"]}");

    [Fact]
    public void Sign_KnownInput_MatchesAnIndependentHmac()
    {
        var ts = Now.ToUnixTimeSeconds();
        var expected = "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes($"{ts}."), .. Body]));
        Assert.Equal(expected, WebhookSignature.Sign(Secret, ts, Body));
    }

    [Fact]
    public void Verify_SignatureJustMade_IsAccepted()
    {
        var ts = Now.ToUnixTimeSeconds();
        var sig = WebhookSignature.Sign(Secret, ts, Body);
        Assert.True(WebhookSignature.Verify(Secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), sig, Body, Now.AddSeconds(30)));
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_IsRefused()
    {
        var ts = Now.ToUnixTimeSeconds();
        var sig = WebhookSignature.Sign(Secret, ts, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        Assert.False(WebhookSignature.Verify(Secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), sig, tampered, Now));
    }

    [Fact]
    public void Verify_OtherSecret_IsRefused()
    {
        var ts = Now.ToUnixTimeSeconds();
        var sig = WebhookSignature.Sign("whsec_other", ts, Body);
        Assert.False(WebhookSignature.Verify(Secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), sig, Body, Now));
    }

    [Fact]
    public void Verify_TimestampReplacedToReplayAnOldCall_IsRefused()
    {
        var old = Now.AddHours(-1).ToUnixTimeSeconds();
        var sig = WebhookSignature.Sign(Secret, old, Body);
        // The old signature does not cover a fresh timestamp, and the old timestamp is out of tolerance.
        Assert.False(WebhookSignature.Verify(Secret, Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), sig,
            Body, Now));
        Assert.False(WebhookSignature.Verify(Secret, old.ToString(System.Globalization.CultureInfo.InvariantCulture), sig, Body, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("12a")]
    public void Verify_UnreadableTimestamp_IsRefused(string? timestamp)
    {
        var sig = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        Assert.False(WebhookSignature.Verify(Secret, timestamp, sig, Body, Now));
    }
}
