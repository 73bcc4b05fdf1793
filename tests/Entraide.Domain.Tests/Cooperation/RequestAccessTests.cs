using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Cooperation;

/// <summary>Who sees a request: its two parties, through <see cref="Isolation.PartyOf"/>.</summary>
public sealed class RequestAccessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Require_ADraft_IsSeenByTheRequestingStateOnly()
    {
        var r = Draft("mla");
        Assert.Equal(Side.Requesting, RequestAccess.Require(Officer("FRA", Roles.Investigator), r));
        Assert.Null(RequestAccess.SideOf(Officer("BRA", Roles.CentralAuthority), r));
        Assert.Equal(FailureKind.NotFound, FailureOf(() => RequestAccess.Require(Officer("BRA", Roles.CentralAuthority), r)));
    }

    [Fact]
    public void Require_ASubmittedRequest_IsSeenByTheRolesItWasRoutedTo_AndByNoOtherState()
    {
        var r = Draft("mla");
        r.Submit(Side.Requesting, Officer("FRA", Roles.CentralAuthority), T0, new RequestedStateTerms([], null));
        Assert.Equal(Side.Requested, RequestAccess.Require(Officer("BRA", Roles.CentralAuthority), r));
        // An ordinary request goes to the central authority, not to the 24/7 point.
        Assert.Null(RequestAccess.SideOf(Officer("BRA", Roles.PointOfContact), r));
        Assert.Null(RequestAccess.SideOf(Officer("CHN", Roles.CentralAuthority, Roles.PointOfContact, Roles.Investigator), r));
        Assert.Null(RequestAccess.SideOf(Officer(null, Roles.Secretariat), r));
        Assert.Equal(FailureKind.NotFound, FailureOf(() => RequestAccess.Require(Officer("BRA", Roles.CentralAuthority), null)));
    }

    [Fact]
    public void PartiesOf_NameBothStatesAndTheRolesThatSeeTheRequest()
    {
        var parties = RequestAccess.PartiesOf(Draft("emergency"));
        Assert.Equal([("FRA", "requesting", true), ("BRA", "requested", false)], parties.Select(p => (p.State, p.Role, p.Visible)));
        Assert.Equal([Roles.PointOfContact, Roles.CentralAuthority], parties[1].Roles);
    }

    private static CooperationRequest Draft(string type)
    {
        RequestCatalogue.TryParse(type, out var spec);
        var content = new DraftContent(type, "BRA", "en", null, false, RequestContentTests.Complete(spec.Type), null, null, null);
        return CooperationRequest.Draft(content, Officer("FRA", Roles.CentralAuthority, Roles.PointOfContact), T0, StateDirectory.Default);
    }

    private static Actor Officer(string? state, params string[] roles) => new($"{state}-{roles[0]}", "Officer", state, roles.ToHashSet());

    private static FailureKind FailureOf(Action act) => Assert.Throws<DomainException>(act).Kind;
}
