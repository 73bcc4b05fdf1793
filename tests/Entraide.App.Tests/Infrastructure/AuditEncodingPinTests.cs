using Entraide.App.Infrastructure.Audit;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Fixed entries and their fixed digests (computed apart from this code): a change to how an entry is
/// encoded for its hash, its seal or a row's digest would make every stored chain, pending seal or
/// after-digest fail to verify, and must be a deliberate, versioned change, never a silent one.
/// </summary>
public sealed class AuditEncodingPinTests
{
    private static readonly AuditFields Known = new(42, 7, 1_767_225_600_000, "token:0190aa", "FRA", "trust.token.create", "ApiToken",
        "0190a1b2-0000-7000-8000-000000000001", null, string.Concat(Enumerable.Repeat("ab", 32)));

    [Fact]
    public void ChainHash_OfAKnownEntry_IsPinned()
    {
        var previous = Enumerable.Repeat((byte)0x11, AuditChain.HashLength).ToArray();
        Assert.Equal("3706cd160fd2290023a414a8b3d548ee1cf6fb69b2f59c85bbfaf35383fad7aa", Convert.ToHexStringLower(AuditChain.Link(previous, Known)));
    }

    [Fact]
    public void ChainHash_WithNullsEmptyAndNonLatinText_IsPinned_AlsoFromUtf8()
    {
        var f = new AuditFields(1, 1, 0, "système", null, "协助.请求", "Т", "", new string('0', 64), null);
        const string Expected = "ca68a0106459b51552abfd29c1614f3dc8fb7fd10943ca8a9484b2d38fab6d18";
        Assert.Equal(Expected, Convert.ToHexStringLower(AuditChain.Link(AuditChain.Genesis, f)));
        var text = new Utf8AuditText
        {
            ActorId = "système"u8,
            StateCodeIsNull = true,
            Action = "协助.请求"u8,
            EntityType = "Т"u8,
            EntityId = ""u8,
            BeforeDigest = System.Text.Encoding.UTF8.GetBytes(new string('0', 64)),
            AfterDigestIsNull = true,
        };
        var viaUtf8 = new byte[AuditChain.HashLength];
        AuditChain.LinkUtf8(AuditChain.Genesis, 1, 1, 0, text, viaUtf8);
        Assert.Equal(Expected, Convert.ToHexStringLower(viaUtf8));
    }

    [Fact]
    public void Seal_OfAKnownEntry_WithAKnownKeyAndNonce_IsPinned()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var nonce = Enumerable.Repeat((byte)0xAA, AuditChain.SealNonceLength).ToArray();
        var seal = AuditChain.Seal(key, Known, nonce);
        Assert.Equal("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaada29af02a9d161992b4aa0579fa61eb6854bcbf1bd3f653929ef4261c4e99af1", seal);
        Assert.True(AuditChain.SealMatches(key, Known, seal));
        // The id and sequence are not known when an entry is sealed; everything else is covered.
        Assert.True(AuditChain.SealMatches(key, Known with { Id = 1, Sequence = 0 }, seal));
        Assert.False(AuditChain.SealMatches(key, Known with { StateCode = "DEU" }, seal));
        Assert.False(AuditChain.SealMatches(key, Known with { AfterDigest = null }, seal));
        key[0] ^= 1;
        Assert.False(AuditChain.SealMatches(key, Known, seal));
    }

    [Fact]
    public void RowDigest_OfKnownProperties_IsPinned_TimesToTheMicrosecond()
    {
        var recorder = new AuditRecorder(new FixedActor(), TimeProvider.System, new AuditSignal(), TestKeys());
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var entry = recorder.Created("Thing", "1", [new("Version", 1), new("Name", "a"), new("At", at), new("Note", null)]);
        // "At=639028224001234560\nName=a\nNote=∅\nVersion=1\n": by name, a time in ticks without its last digit.
        Assert.Equal("4448347dd5af67504149705518d1f0ba8129d03b6d5b3d0e7af155b728dae5de", entry.AfterDigest);
        Assert.Equal(AuditChain.SealLength, entry.Seal!.Length);
    }

    internal static AuditKeys TestKeys() => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:MacKey"] = AuditTestKey.Base64 }).Build(),
        Path.GetTempPath(), production: true, NullLogger<AuditKeys>.Instance);

    private sealed class FixedActor : ICurrentActor
    {
        public Actor Current => Actor.System;
    }
}
