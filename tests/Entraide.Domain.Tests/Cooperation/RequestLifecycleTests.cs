using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class RequestLifecycleTests
{
    private static readonly TypeSpec Mla = RequestCatalogue.Of(RequestType.MutualLegalAssistance);
    private static readonly TypeSpec Preservation = RequestCatalogue.Of(RequestType.ExpeditedPreservation);
    private static readonly TypeSpec Spontaneous = RequestCatalogue.Of(RequestType.SpontaneousInformation);
    private static readonly IReadOnlySet<string> Ca = new HashSet<string> { Roles.CentralAuthority };
    private static readonly IReadOnlySet<string> Poc = new HashSet<string> { Roles.PointOfContact };
    private static readonly IReadOnlySet<string> Investigator = new HashSet<string> { Roles.Investigator };
    private const string Reasons = "The measure sought would be unlawful in a comparable domestic case.";

    [Fact]
    public void Apply_FullPath_ReachesExecuted()
    {
        var s = RequestStatus.Draft;
        s = RequestLifecycle.Apply(Mla, s, new(RequestAction.Submit, Side.Requesting, Ca));
        foreach (var a in new[] { RequestAction.Acknowledge, RequestAction.StartAssessment, RequestAction.Accept, RequestAction.StartExecution,
            RequestAction.RecordPartialExecution, RequestAction.RecordExecution })
            s = RequestLifecycle.Apply(Mla, s, new(a, Side.Requested, Ca));
        Assert.Equal(RequestStatus.Executed, s);
    }

    [Fact]
    public void Apply_RequestingSideAccepts_IsForbidden()
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.UnderAssessment,
            new(RequestAction.Accept, Side.Requesting, Ca)));
        Assert.Equal((FailureKind.Forbidden, "action-other-side"), (ex.Kind, ex.Errors[0].Code));
    }

    [Fact]
    public void Apply_InvestigatorSubmits_IsForbidden()
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.Draft,
            new(RequestAction.Submit, Side.Requesting, Investigator)));
        Assert.Equal("action-role", ex.Errors[0].Code);
    }

    [Fact]
    public void Apply_PointOfContactOnUrgentType_MayAcknowledge_ButNotOnMla()
    {
        Assert.Equal(RequestStatus.Received, RequestLifecycle.Apply(Preservation, RequestStatus.Submitted,
            new(RequestAction.Acknowledge, Side.Requested, Poc)));
        Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.Submitted,
            new(RequestAction.Acknowledge, Side.Requested, Poc)));
    }

    [Fact]
    public void Apply_ExecuteBeforeAcceptance_IsAConflictNamingActionAndStatus()
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.Received,
            new(RequestAction.RecordExecution, Side.Requested, Ca)));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Equal("transition-not-allowed", ex.Errors[0].Code);
        Assert.Equal(["record-execution", "received"], ex.Errors[0].Arguments);
    }

    [Fact]
    public void Apply_RefusalWithoutReasons_ListsGroundAndReasons()
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.Consultation,
            new(RequestAction.Refuse, Side.Requested, Ca)));
        Assert.Equal(FailureKind.Invalid, ex.Kind);
        Assert.Equal(["ground", "reasons"], ex.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(Grounds.FiscalMatters)]
    [InlineData(Grounds.BankSecrecy)]
    public void Apply_RefusalOnFiscalMattersOrBankSecrecy_IsNotAdmissible(string ground)
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.Consultation,
            new(RequestAction.Refuse, Side.Requested, Ca, ground, Reasons)));
        Assert.Equal("ground-not-admissible", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void Apply_RefusalOnCurableGroundWithoutConsultation_RequiresConsultation()
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.UnderAssessment,
            new(RequestAction.Refuse, Side.Requested, Ca, Grounds.DomesticLawBar, Reasons)));
        Assert.Equal((FailureKind.Conflict, "consultation-required"), (ex.Kind, ex.Errors[0].Code));
        Assert.Equal(RequestStatus.Refused, RequestLifecycle.Apply(Mla, RequestStatus.UnderAssessment,
            new(RequestAction.Refuse, Side.Requested, Ca, Grounds.DomesticLawBar, Reasons, Consulted: true)));
    }

    [Fact]
    public void Apply_RefusalOnAbsoluteGround_NeedsNoConsultation() =>
        Assert.Equal(RequestStatus.Refused, RequestLifecycle.Apply(Mla, RequestStatus.UnderAssessment,
            new(RequestAction.Refuse, Side.Requested, Ca, Grounds.Discrimination, Reasons)));

    [Fact]
    public void Apply_PostponementNeedsItsOwnGround()
    {
        var ex = Assert.Throws<DomainException>(() => RequestLifecycle.Apply(Mla, RequestStatus.Accepted,
            new(RequestAction.Postpone, Side.Requested, Ca, Grounds.EssentialInterests, Reasons)));
        Assert.Equal("unknown-ground", ex.Errors[0].Code);
        Assert.Equal(RequestStatus.Postponed, RequestLifecycle.Apply(Mla, RequestStatus.Accepted,
            new(RequestAction.Postpone, Side.Requested, Ca, Grounds.OngoingProceedings, Reasons)));
    }

    [Fact]
    public void Allowed_SpontaneousInformation_IsAcknowledgedButNeverAssessed()
    {
        Assert.Equal([RequestAction.Acknowledge], RequestLifecycle.Allowed(Spontaneous, RequestStatus.Submitted, Side.Requested, Ca));
        Assert.Empty(RequestLifecycle.Allowed(Spontaneous, RequestStatus.Received, Side.Requested, Ca));
    }

    [Fact]
    public void Allowed_ExtensionOnlyForExecutedPreservation()
    {
        Assert.Contains(RequestAction.ExtendPreservation, RequestLifecycle.Allowed(Preservation, RequestStatus.Executed, Side.Requesting, Poc));
        Assert.DoesNotContain(RequestAction.ExtendPreservation, RequestLifecycle.Allowed(Mla, RequestStatus.Executed, Side.Requesting, Ca));
        Assert.Equal(RequestStatus.Executed, RequestLifecycle.Apply(Preservation, RequestStatus.Executed,
            new(RequestAction.ExtendPreservation, Side.Requesting, Poc)));
    }

    [Fact]
    public void Apply_WithdrawAfterRefusal_IsAConflict() =>
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() =>
            RequestLifecycle.Apply(Mla, RequestStatus.Refused, new(RequestAction.Withdraw, Side.Requesting, Ca))).Kind);

    [Fact]
    public void Codes_RoundTrip()
    {
        foreach (var a in Enum.GetValues<RequestAction>())
        {
            Assert.True(RequestLifecycle.TryParse(RequestLifecycle.Code(a), out RequestAction back));
            Assert.Equal(a, back);
        }
        Assert.Equal("partially-executed", RequestLifecycle.Code(RequestStatus.PartiallyExecuted));
    }
}

public sealed class RoutingTests
{
    [Fact]
    public void DirectJudicialChannel_LetsTheRequestedJudicialAuthorityAct_WithTheCentralAuthority()
    {
        var mla = RequestCatalogue.Of(RequestType.MutualLegalAssistance);
        Assert.Equal([Roles.Investigator, Roles.CentralAuthority], RequestLifecycle.ActingRoles(mla, Side.Requested, RequestAction.Accept,
            Channel.DirectJudicial));
        Assert.Equal([Roles.CentralAuthority], RequestLifecycle.ActingRoles(mla, Side.Requested, RequestAction.Accept, Channel.CentralAuthority));
        Assert.Equal(Channel.PointOfContact, RequestLifecycle.DefaultChannel(RequestCatalogue.Of(RequestType.EmergencyDisclosure)));
    }
}
