using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Network;

internal static class Actors
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static Actor Of(string? state, params string[] roles) =>
        new("a-" + (state ?? "un"), "Someone of " + (state ?? "UN"), state, new HashSet<string>(roles));

    public static readonly Actor Secretariat = Of(null, Roles.Secretariat);

    public static AuthorityDetails Point(string name = "24/7 desk") => new(AuthorityKinds.PointOfContact, name, null, ["+47 23 20 80 00"],
        null, ["en"], OfficeSchedule.Empty, "Europe/Oslo", ReplyChannels.Phone, true, false, false, false);
}

public sealed class StateProfileAggregateTests
{
    [Fact]
    public void Open_IsTheDefaultsAtVersionZero()
    {
        var p = StateProfile.Open("NOR");
        Assert.Equal(0, p.Version);
        Assert.Equal(ProfileDetails.Default.Declarations.AcceptedLanguages, p.Details.Declarations.AcceptedLanguages);
    }

    [Fact]
    public void Change_Invalid_RaisesEveryErrorAndChangesNothing()
    {
        var p = StateProfile.Open("NOR");
        var bad = ProfileDetails.Default with
        {
            Status = ConventionStatus.Party,
            Notes = "bad\u0000",
            Declarations = ProfileDetails.Default.Declarations with { AcceptedLanguages = [] },
        };
        var ex = Assert.Throws<DomainException>(() => p.Change(bad, null, Actors.Now));
        Assert.Contains(ex.Errors, e => e.Code == TextRules.ControlCharacterCode && e.Field == "notes");
        Assert.Contains(ex.Errors, e => e.Field == "acceptedLanguages");
        Assert.Equal(ConventionStatus.None, p.Status);
    }

    [Fact]
    public void Change_FromAnOlderVersion_IsAConflict()
    {
        var p = StateProfile.Seed("NOR", ProfileDetails.Default, Actors.Of("NOR", Roles.StateAdministrator), Actors.Now);
        var ex = Assert.Throws<DomainException>(() => p.Change(ProfileDetails.Default with { Notes = "x" }, 0, Actors.Now));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Null(p.Notes);
    }

    [Fact]
    public void RecordChange_RaisesTheVersionAndRestartsTheReview()
    {
        var p = StateProfile.Seed("NOR", ProfileDetails.Default, Actors.Secretariat, Actors.Now.AddMonths(-13));
        Assert.True(StateProfile.ReviewOf(p, Actors.Now).Overdue);
        p.RecordChange(Actors.Of("NOR", Roles.StateAdministrator), Actors.Now);
        Assert.Equal(2, p.Version);
        Assert.False(StateProfile.ReviewOf(p, Actors.Now).Overdue);
        Assert.True(StateProfile.ReviewOf(null, Actors.Now).Overdue);
    }
}

public sealed class AuthorityAggregateTests
{
    [Fact]
    public void Designate_InvalidDetails_IsRefusedWithEveryError()
    {
        var ex = Assert.Throws<DomainException>(() => Authority.Designate("NOR",
            Actors.Point("\u202Edesk") with { Phones = [], PhonesPublic = true }, Actors.Of("NOR"), Actors.Now));
        Assert.Equal(["control-characters:name", "poc-phone-public:phonesPublic", "required:phones"],
            ex.Errors.Select(e => e.Code + ":" + e.Field).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Change_PointBecomingCentralAuthority_NoLongerAwaitsVerification()
    {
        var a = Authority.Designate("NOR", Actors.Point(), Actors.Of("NOR"), Actors.Now);
        a.VerificationSent(Actors.Now.AddHours(1));
        Assert.True(a.IsUnansweredAt(Actors.Now.AddHours(2)));
        a.Change(Actors.Point() with { Kind = AuthorityKinds.CentralAuthority }, 1, Actors.Of("NOR"), Actors.Now);
        Assert.Equal(2, a.Version);
        Assert.False(a.IsUnansweredAt(Actors.Now.AddHours(2)));
    }

    [Fact]
    public void Change_FromAnOlderVersion_IsAConflictAndKeepsTheDetails()
    {
        var a = Authority.Designate("NOR", Actors.Point(), Actors.Of("NOR"), Actors.Now);
        var ex = Assert.Throws<DomainException>(() => a.Change(Actors.Point("Renamed"), 7, Actors.Of("NOR"), Actors.Now));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Equal("24/7 desk", a.Name);
    }

    [Fact]
    public void Verified_WithALaterMessageOpen_StillAwaitsIt()
    {
        var a = Authority.Designate("NOR", Actors.Point(), Actors.Of("NOR"), Actors.Now);
        a.VerificationSent(Actors.Now.AddHours(24));
        a.Verified(Actors.Now.AddHours(1), laterMessageSent: true);
        Assert.Equal(Actors.Now.AddHours(1), a.LastVerifiedAt);
        Assert.NotNull(a.PendingCheckDueBy);
        a.Verified(Actors.Now.AddHours(2), laterMessageSent: false);
        Assert.Null(a.PendingCheckDueBy);
    }
}

public sealed class ProfileFlagTests
{
    [Fact]
    public void Raise_ByAState_IsForbidden() =>
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() =>
            ProfileFlag.Raise("NOR", "Outdated", Actors.Of("NOR", Roles.StateAdministrator), Actors.Now)).Kind);

    [Theory]
    [InlineData(null, "required")]
    [InlineData("  ", "required")]
    [InlineData("Outdated\u0000", "control-characters")]
    public void Raise_BadNote_IsAFieldError(string? note, string code) =>
        Assert.Equal((code, "note"), Assert.Single(Assert.Throws<DomainException>(() =>
            ProfileFlag.Raise("NOR", note, Actors.Secretariat, Actors.Now)).Errors) is var e ? (e.Code, e.Field) : default);

    [Fact]
    public void Resolve_ByTheStatesAdministrator_ClosesItOnce()
    {
        var flag = ProfileFlag.Raise("NOR", "Outdated e-mail", Actors.Secretariat, Actors.Now);
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() =>
            flag.Resolve("done", Actors.Of("NOR", Roles.CentralAuthority), Actors.Now)).Kind);
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() =>
            flag.Resolve("done", Actors.Of("SWE", Roles.StateAdministrator), Actors.Now)).Kind);
        flag.Resolve("  Updated the e-mail.  ", Actors.Of("NOR", Roles.StateAdministrator), Actors.Now);
        Assert.Equal("Updated the e-mail.", flag.Resolution);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => flag.Resolve(null, Actors.Secretariat, Actors.Now)).Kind);
    }
}

public sealed class VerificationRoundTests
{
    [Fact]
    public void Start_ByAState_IsForbidden() =>
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() =>
            VerificationRound.Start(24, null, Actors.Of("NOR", Roles.StateAdministrator), Actors.Now)).Kind);

    [Fact]
    public void SendTo_APoint_MakesItAwaitTheRoundsDeadline()
    {
        var round = VerificationRound.Start(1.5, "  Annual check ", Actors.Secretariat, Actors.Now);
        Assert.Equal("Annual check", round.Message);
        var point = Authority.Designate("NOR", Actors.Point(), Actors.Of("NOR"), Actors.Now);
        var check = round.SendTo(point);
        Assert.Equal(Actors.Now.AddMinutes(90), check.DueBy);
        Assert.Equal(check.DueBy, point.PendingCheckDueBy);
        Assert.Equal(CheckOutcome.Pending, check.Times.OutcomeAt(Actors.Now));
    }

    [Fact]
    public void Acknowledge_Twice_IsAConflict()
    {
        var round = VerificationRound.Start(null, null, Actors.Secretariat, Actors.Now);
        var check = round.SendTo(Authority.Designate("NOR", Actors.Point(), Actors.Of("NOR"), Actors.Now));
        check.Acknowledge(Actors.Of("NOR", Roles.PointOfContact), Actors.Now.AddHours(30));
        Assert.Equal(CheckOutcome.Late, check.Times.OutcomeAt(Actors.Now.AddDays(2)));
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() =>
            check.Acknowledge(Actors.Of("NOR", Roles.PointOfContact), Actors.Now.AddHours(31))).Kind);
    }
}
