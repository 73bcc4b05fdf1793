using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Trust;

public sealed class AuditChainTests
{
    private static AuditFields Entry(long seq, string action = "x.y.z", string? state = "FRA") =>
        new(seq, seq, 1_700_000_000_000 + seq, "user-1", state, action, "Thing", "id-" + seq, null, "abc");

    [Fact]
    public void Link_IsDeterministic()
    {
        Assert.Equal(AuditChain.Link(AuditChain.Genesis, Entry(1)), AuditChain.Link(AuditChain.Genesis, Entry(1)));
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
