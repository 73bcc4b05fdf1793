using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Trust;

public sealed class IsolationTests
{
    private static Actor Of(string? state, params string[] roles) => new("id-" + state, "someone", state, roles.ToHashSet());

    [Fact]
    public void EnsureCanSee_OwnStateOrSecretariat_Passes_AnyoneElse_NotFound()
    {
        Of("FRA", Roles.Delegate).EnsureCanSee("FRA");
        Of(null, Roles.Secretariat).EnsureCanSee("FRA");
        var e = Assert.Throws<DomainException>(() => Of("BRA", Roles.Delegate).EnsureCanSee("FRA"));
        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => Actor.Anonymous.EnsureCanSee("FRA")).Kind);
    }

    [Fact]
    public void EnsureCanChange_Secretariat_Forbidden_ForeignState_NotFound_OwnStateWithoutRole_Forbidden()
    {
        Of("FRA", Roles.StateAdministrator).EnsureCanChange("FRA", Roles.StateAdministrator);
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() => Of(null, Roles.Secretariat).EnsureCanChange("FRA")).Kind);
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => Of("BRA", Roles.StateAdministrator).EnsureCanChange("FRA")).Kind);
        Assert.Equal(FailureKind.Forbidden,
            Assert.Throws<DomainException>(() => Of("FRA", Roles.Delegate).EnsureCanChange("FRA", Roles.StateAdministrator)).Kind);
    }

    [Fact]
    public void PartyOf_ReturnsTheActorsVisibleParty_AndNullForAThirdStateOrTheSecretariat()
    {
        Party[] parties =
        [
            new("FRA", "requesting", [Roles.CentralAuthority, Roles.Investigator]),
            new("JPN", "requested", [Roles.CentralAuthority], Visible: false),
        ];
        Assert.Equal("requesting", Of("FRA", Roles.Investigator).PartyOf(parties)?.Role);
        Assert.Null(Of("FRA", Roles.Delegate).PartyOf(parties));
        // Not visible yet (a draft): the requested State does not see it.
        Assert.Null(Of("JPN", Roles.CentralAuthority).PartyOf(parties));
        Assert.Null(Of("BRA", Roles.CentralAuthority).PartyOf(parties));
        Assert.Null(Of(null, Roles.Secretariat).PartyOf(parties));
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => Of("BRA", Roles.CentralAuthority).RequireParty(parties)).Kind);
    }
}
