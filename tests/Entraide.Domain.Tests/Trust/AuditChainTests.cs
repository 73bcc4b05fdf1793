using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Trust;

public sealed class AuditChainTests
{
    private static AuditFields Entry(long seq, string action = "x.y.z", string? state = "FRA") =>
        new(seq, seq, 1_700_000_000_000 + seq, "user-1", state, action, "Thing", "id-" + seq, null, "abc");

    /// <summary>
    /// Known answers, computed outside Entraide from the documented layout (SHA-256 over the previous hash,
    /// then each field big-endian and length-prefixed, -1 for null): an auditor re-verifying a stored chain
    /// years later gets the hashes that were written, whatever process or machine computes them.
    /// </summary>
    [Fact]
    public void Link_OfKnownEntries_IsTheHashAnAuditorRecomputes()
    {
        var first = AuditChain.Link(AuditChain.Genesis, Entry(1));
        Assert.Equal("4db040c24a8444e24d20e9bf4e92611f4ded362031f6a26dcba2f4340d96aa9a", Convert.ToHexStringLower(first));
        Assert.Equal("b0b656260fc45a13b9af69678dc82de630fe40bcd6b26361b592192f2bf3443d",
            Convert.ToHexStringLower(AuditChain.Link(first, Entry(2))));
    }

    [Fact]
    public void Link_DiffersForAnotherRecord_SoAnEntryCannotBeFiledUnderAnotherOne()
    {
        var a = AuditChain.Link(AuditChain.Genesis, Entry(1));
        Assert.NotEqual(a, AuditChain.Link(AuditChain.Genesis, Entry(1) with { EntityId = "id-2" }));
        Assert.NotEqual(a, AuditChain.Link(AuditChain.Genesis, Entry(1) with { EntityType = "Other" }));
        Assert.NotEqual(a, AuditChain.Link(AuditChain.Genesis, Entry(1) with { ActorId = "user-2" }));
        Assert.NotEqual(a, AuditChain.Link(AuditChain.Genesis, Entry(1) with { OccurredAtUnixMs = 1_700_000_000_002 }));
    }

    [Fact]
    public void Link_ChangesWithAnyField_AndWithThePreviousHash()
    {
        var a = AuditChain.Link(AuditChain.Genesis, Entry(1));
        Assert.NotEqual(a, AuditChain.Link(AuditChain.Genesis, Entry(1, action: "x.y.w")));
        Assert.NotEqual(a, AuditChain.Link(AuditChain.Genesis, Entry(1, state: null)));
        Assert.NotEqual(a, AuditChain.Link(a, Entry(1)));
    }

    [Fact]
    public void Link_DistinguishesNullFromEmpty_AndFieldBoundaries()
    {
        var nullState = AuditChain.Link(AuditChain.Genesis, Entry(1, state: null));
        var emptyState = AuditChain.Link(AuditChain.Genesis, Entry(1, state: ""));
        Assert.NotEqual(nullState, emptyState);
        var f1 = new AuditFields(1, 1, 1, "ab", "c", "a", "t", "e", null, null);
        var f2 = new AuditFields(1, 1, 1, "a", "bc", "a", "t", "e", null, null);
        Assert.NotEqual(AuditChain.Link(AuditChain.Genesis, f1), AuditChain.Link(AuditChain.Genesis, f2));
    }

    [Fact]
    public void Link_IntoSpan_MatchesAllocatingVersion()
    {
        var dest = new byte[AuditChain.HashLength];
        AuditChain.Link(AuditChain.Genesis, Entry(7), dest);
        Assert.Equal(AuditChain.Link(AuditChain.Genesis, Entry(7)), dest);
    }
}
