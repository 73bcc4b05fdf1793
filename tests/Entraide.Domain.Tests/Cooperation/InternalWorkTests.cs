using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class InternalWorkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor FraCa = Actor("FRA", Roles.CentralAuthority);
    private static readonly Actor BraCa = Actor("BRA", Roles.CentralAuthority);
    private static readonly Actor BraInvestigator = Actor("BRA", Roles.Investigator);

    private static Actor Actor(string state, params string[] roles) => new($"{state}-{roles[0]}", $"Officer of {state}", state, roles.ToHashSet());

    private static Officer OfficerOf(string state, params string[] roles) => new($"{state}-officer", $"Officer {state}", state, roles);

    private static CooperationRequest Submitted()
    {
        RequestCatalogue.TryParse("mla", out var spec);
        var r = CooperationRequest.Draft(new DraftContent("mla", "BRA", "en", null, false, RequestContentTests.Complete(spec.Type), null, null, null),
            FraCa, T0, StateDirectory.Default);
        r.Submit(Side.Requesting, FraCa, T0, new RequestedStateTerms([], null));
        return r;
    }

    [Fact]
    public void Assign_ByTheCentralAuthority_ToAnOfficerOfItsState_IsFiledUnderThatState()
    {
        var r = Submitted();
        var a = RequestAssignment.Assign(r, null, Side.Requested, OfficerOf("BRA", Roles.Investigator), BraCa, T0);
        Assert.Equal("BRA", a.StateCode);
        Assert.Equal("BRA", ((IStateOwned)a).OwnerState);
        Assert.Equal("BRA-officer", a.AssigneeId);
        Assert.Equal(BraCa.Id, a.AssignedBy);
        var again = RequestAssignment.Assign(r, a, Side.Requested, new Officer("BRA-other", "Other", "BRA", [Roles.PointOfContact]), BraCa,
            T0.AddHours(1));
        Assert.Same(a, again);
        Assert.Equal("BRA-other", again.AssigneeId);
        Assert.Equal(2, again.Version);
    }

    [Fact]
    public void Assign_ToAnotherStatesAccountOrOneWithoutACooperationRole_IsRefusedOnTheAssignee()
    {
        var r = Submitted();
        foreach (var officer in new[] { OfficerOf("FRA", Roles.CentralAuthority), OfficerOf("BRA", Roles.Delegate), null })
        {
            var ex = Assert.Throws<DomainException>(() => RequestAssignment.Assign(r, null, Side.Requested, officer, BraCa, T0));
            Assert.Equal(FailureKind.Invalid, ex.Kind);
            Assert.Equal("assignee", ex.Errors[0].Field);
        }
    }

    [Fact]
    public void Assign_ByAnyoneButTheCentralAuthority_IsForbidden()
    {
        var r = Submitted();
        var ex = Assert.Throws<DomainException>(() =>
            RequestAssignment.Assign(r, null, Side.Requested, OfficerOf("BRA", Roles.Investigator), BraInvestigator, T0));
        Assert.Equal(FailureKind.Forbidden, ex.Kind);
        // The requesting State's central authority cannot assign on the requested side.
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() =>
            RequestAssignment.Assign(r, null, Side.Requested, OfficerOf("BRA", Roles.Investigator), FraCa, T0)).Kind);
    }

    [Fact]
    public void Clear_ByTheCentralAuthority_GivesTheAssignmentToRemove_OrNullWhenNobodyWasInCharge()
    {
        var r = Submitted();
        var a = RequestAssignment.Assign(r, null, Side.Requested, OfficerOf("BRA", Roles.Investigator), BraCa, T0);
        Assert.Same(a, RequestAssignment.Clear(r, a, Side.Requested, BraCa));
        Assert.Null(RequestAssignment.Clear(r, null, Side.Requested, BraCa));
    }

    [Fact]
    public void Clear_ByAnyoneButTheStatesCentralAuthority_IsForbidden()
    {
        var r = Submitted();
        var a = RequestAssignment.Assign(r, null, Side.Requested, OfficerOf("BRA", Roles.Investigator), BraCa, T0);
        Assert.Equal(FailureKind.Forbidden,
            Assert.Throws<DomainException>(() => RequestAssignment.Clear(r, a, Side.Requested, BraInvestigator)).Kind);
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() => RequestAssignment.Clear(r, null, Side.Requested, FraCa)).Kind);
    }

    [Fact]
    public void Write_IsTheWritersStates_AndKeepsTheTextTrimmed()
    {
        var n = InternalNote.Write(Submitted(), Side.Requested, "  Called the provider.  ", BraInvestigator, T0);
        Assert.Equal("BRA", n.StateCode);
        Assert.Equal("Called the provider.", n.Body);
        Assert.Equal(BraInvestigator.DisplayName, n.AuthorName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bidi \u202E override")]
    public void Write_EmptyOrWithAControlCharacter_IsRefused(string body)
    {
        var ex = Assert.Throws<DomainException>(() => InternalNote.Write(Submitted(), Side.Requested, body, BraCa, T0));
        Assert.Equal(FailureKind.Invalid, ex.Kind);
        Assert.Equal("body", ex.Errors[0].Field);
    }

    [Fact]
    public void Write_TooLong_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InternalNote.Write(Submitted(), Side.Requested, new string('x', InternalNote.MaxLength + 1), BraCa, T0));
        Assert.Equal("body", ex.Errors[0].Field);
    }
}
