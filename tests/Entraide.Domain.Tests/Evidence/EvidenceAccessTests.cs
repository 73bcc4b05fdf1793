using Entraide.Domain.Common;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Evidence;

/// <summary>Who sees an item: the States of its request; the other State only once sealed; nobody else.</summary>
public sealed class EvidenceAccessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Ca = [Roles.CentralAuthority];
    private static readonly Party[] Parties = [new("FRA", "requesting", Ca), new("JPN", "requested", Ca)];

    private static Actor Of(string state, string role = Roles.CentralAuthority) => new("acc-" + state, state, state, new HashSet<string> { role });

    private static EvidenceItem Uploading() => EvidenceItem.Begin(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
        new EvidenceDeclaration("log.txt", 1, null, new EvidenceSource(null, null, null, null, null, null), null, false), Of("JPN"), null, T0,
        T0.AddHours(1), 100, "k", [1]);

    [Fact]
    public void AnUnfinishedUpload_IsSeenByItsOwnStateOnly()
    {
        var item = Uploading();
        Assert.True(EvidenceAccess.CanSee(Of("JPN"), Parties, item));
        Assert.False(EvidenceAccess.CanSee(Of("FRA"), Parties, item));
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => EvidenceAccess.EnsureCanSee(Of("FRA"), Parties, item)).Kind);
    }

    [Fact]
    public void ASealedItem_IsSeenByBothParties_ChangedByItsOwner_AndUnknownToAThirdState()
    {
        var item = Uploading();
        item.Complete(new string('a', 64), null, "k", Of("JPN"), null, T0);
        Assert.True(EvidenceAccess.CanSee(Of("FRA"), Parties, item));
        EvidenceAccess.EnsureCanChange(Of("JPN"), Parties, item);
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() => EvidenceAccess.EnsureCanChange(Of("FRA"), Parties, item)).Kind);
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => EvidenceAccess.EnsureCanSee(Of("DEU"), Parties, item)).Kind);
        // A State of the request without a role the request is routed to sees nothing either.
        Assert.False(EvidenceAccess.CanSee(Of("FRA", Roles.Delegate), Parties, item));
        var un = new Actor("un", "UN", null, new HashSet<string> { Roles.Secretariat });
        Assert.False(EvidenceAccess.CanSee(un, Parties, item));
    }
}
