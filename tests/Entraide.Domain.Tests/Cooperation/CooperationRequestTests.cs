using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Cooperation;

/// <summary>The request aggregate: what each verb changes, and what it refuses, for which side and when.</summary>
public sealed class CooperationRequestTests
{
    private static readonly StateDirectory States = StateDirectory.Default;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly RequestedStateTerms AnyLanguage = new([], null);
    private static readonly Actor FraCa = Officer("FRA", Roles.CentralAuthority);
    private static readonly Actor FraPoc = Officer("FRA", Roles.PointOfContact);
    private static readonly Actor BraCa = Officer("BRA", Roles.CentralAuthority);
    private static readonly Actor BraPoc = Officer("BRA", Roles.PointOfContact);
    private const string Reasons = "The measure sought would be unlawful in a comparable domestic case.";

    // ---- drafting ----

    [Fact]
    public void Draft_ByAStatesCooperationStaff_IsADraftOfThatState_WithItsReference()
    {
        var r = CooperationRequest.Draft(Content("mla"), FraCa, T0, States);
        Assert.Equal((RequestStatus.Draft, "FRA", "BRA", RequestType.MutualLegalAssistance), (r.Status, r.RequestingState, r.RequestedState, r.Type));
        Assert.StartsWith("FRA-BRA-2026-", r.Reference, StringComparison.Ordinal);
        Assert.Equal((Channel.CentralAuthority, false, 0), (r.Channel, r.Urgent, r.Version));
        Assert.Equal("Some content for facts", r.Fields()["facts"]);
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Draft_BySecretariat_IsForbidden()
    {
        var ex = Assert.Throws<DomainException>(() => CooperationRequest.Draft(Content("mla"), Officer(null, Roles.Secretariat), T0, States));
        Assert.Equal(FailureKind.Forbidden, ex.Kind);
    }

    [Fact]
    public void Draft_UnknownTypeStateLanguageAndChannel_NamesEveryFieldAtOnce()
    {
        var ex = Assert.Throws<DomainException>(() => CooperationRequest.Draft(
            new DraftContent("treaty", "XXX", "tlh", "carrier-pigeon", false, null, null, null, null), FraCa, T0, States));
        Assert.Equal(["type", "requestedState", "language", "channel"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Draft_AddressedToItsOwnState_IsRefused() =>
        Assert.Equal("requested-state-is-own", Refused(() => CooperationRequest.Draft(Content("mla", to: "FRA"), FraCa, T0, States)).Code);

    [Theory]
    [InlineData("facts", "a\u0000b")]
    [InlineData("requestingAuthority", "Parquet\u202Esirap")]
    [InlineData("purpose", "\u2066isolated\u2069")]
    public void Draft_FieldWithAControlCharacter_IsRefusedBesideIt(string field, string value)
    {
        var e = Refused(() => CooperationRequest.Draft(Content("mla", fields => fields[field] = value), FraCa, T0, States));
        Assert.Equal((TextRules.ControlCharacterCode, field), (e.Code, e.Field));
    }

    [Fact]
    public void Draft_LongTextOverSeveralLines_IsKept()
    {
        var r = CooperationRequest.Draft(Content("mla", fields => fields["facts"] = "First line.\r\n\tSecond line."), FraCa, T0, States);
        Assert.Equal("First line.\r\n\tSecond line.", r.Fields()["facts"]);
    }

    [Fact]
    public void Draft_ConductTerms_DropsNullsBlanksAndRepeats()
    {
        var r = CooperationRequest.Draft(Content("mla", terms: [null, " illegal-access ", "", "illegal-access", "computer-fraud"]), FraCa, T0,
            States);
        Assert.Equal("illegal-access,computer-fraud", r.ConductTerms);
    }

    [Fact]
    public void Draft_ConductTermsLongerTogetherThanTheirColumn_AreRefused()
    {
        var terms = Enumerable.Range(0, 20).Select(i => $"{i:00}-" + new string('t', 70)).ToArray<string?>();
        var e = Refused(() => CooperationRequest.Draft(Content("mla", terms: terms), FraCa, T0, States));
        Assert.Equal(("too-long", "conductTerms"), (e.Code, e.Field));
    }

    [Fact]
    public void Draft_DeadlineInThePast_IsRefused() =>
        Assert.Equal("deadline-in-past", Refused(() => CooperationRequest.Draft(Content("mla", deadline: T0.AddHours(-1)), FraCa, T0, States)).Code);

    [Fact]
    public void UpdateDraft_ReplacesTheContent_AndCountsAVersion()
    {
        var r = CooperationRequest.Draft(Content("mla"), FraCa, T0, States);
        r.UpdateDraft(Content("mla", fields => fields["facts"] = "New facts."), Side.Requesting, T0.AddHours(1), States, version: 0);
        Assert.Equal(("New facts.", 1, T0.AddHours(1)), (r.Fields()["facts"], r.Version, r.UpdatedAt));
    }

    [Fact]
    public void UpdateDraft_StaleVersion_IsAConflict_AndChangesNothing()
    {
        var r = CooperationRequest.Draft(Content("mla"), FraCa, T0, States);
        var ex = Assert.Throws<DomainException>(() => r.UpdateDraft(Content("mla", fields => fields["facts"] = "x"), Side.Requesting, T0,
            States, version: 7));
        Assert.Equal((FailureKind.Conflict, "concurrent-change"), (ex.Kind, ex.Errors[0].Code));
        Assert.Equal("Some content for facts", r.Fields()["facts"]);
    }

    [Fact]
    public void UpdateDraft_OnceSubmitted_IsAConflict()
    {
        var r = Submitted("mla");
        var ex = Assert.Throws<DomainException>(() => r.UpdateDraft(Content("mla"), Side.Requesting, T0, States));
        Assert.Equal((FailureKind.Conflict, "not-a-draft"), (ex.Kind, ex.Errors[0].Code));
    }

    // ---- submission ----

    [Fact]
    public void Submit_CompleteRequest_IsSubmitted_WithItsTimelineEntry()
    {
        var r = CooperationRequest.Draft(Content("mla"), FraCa, T0, States);
        r.Submit(Side.Requesting, FraCa, T0.AddMinutes(5), AnyLanguage);
        Assert.Equal((RequestStatus.Submitted, T0.AddMinutes(5), 1), (r.Status, r.SubmittedAt, r.Version));
        var e = Assert.Single(r.Events);
        Assert.Equal(("submit", RequestStatus.Draft, RequestStatus.Submitted, "FRA", (Side?)null),
            (e.Action, e.FromStatus, e.ToStatus, e.ActorState, e.VisibleTo));
        Assert.Null(r.AcknowledgeBy);
    }

    [Fact]
    public void Submit_Incomplete_NamesEachMissingField_AndStaysADraft()
    {
        var r = CooperationRequest.Draft(Content("mla", fields => fields.Remove("purpose")), FraCa, T0, States);
        var ex = Assert.Throws<DomainException>(() => r.Submit(Side.Requesting, FraCa, T0, new RequestedStateTerms(["pt"], null)));
        Assert.Equal([("purpose", "40"), ("language", "40")], ex.Errors.Select(e => (e.Field!, e.Article!)));
        Assert.Equal((RequestStatus.Draft, 0), (r.Status, r.Version));
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Submit_DeadlineWithoutItsReasons_IsRefusedUnderArticle40()
    {
        var r = CooperationRequest.Draft(Content("mla", deadline: T0.AddDays(3)), FraCa, T0, States);
        var e = Assert.Single(Assert.Throws<DomainException>(() => r.Submit(Side.Requesting, FraCa, T0, AnyLanguage)).Errors);
        Assert.Equal(("required", "deadlineReasons", "40"), (e.Code, e.Field, e.Article));
    }

    [Fact]
    public void Submit_ByAnInvestigator_IsForbidden()
    {
        var investigator = Officer("FRA", Roles.Investigator);
        var r = CooperationRequest.Draft(Content("mla"), investigator, T0, States);
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() => r.Submit(Side.Requesting, investigator, T0, AnyLanguage)).Kind);
    }

    [Fact]
    public void Submit_Emergency_IsDueForAcknowledgementWithinTheRequestedStatesTime()
    {
        var r = CooperationRequest.Draft(Content("emergency"), FraPoc, T0, States);
        r.Submit(Side.Requesting, FraPoc, T0, new RequestedStateTerms([], TimeSpan.FromHours(4)));
        Assert.Equal((Channel.PointOfContact, true, T0.AddHours(4)), (r.Channel, r.Urgent, r.AcknowledgeBy));
    }

    // ---- the lifecycle ----

    [Fact]
    public void Transition_Acknowledge_RecordsTheAcknowledgementAndTheUndertakingOfConfidentiality()
    {
        var r = Submitted("preservation", confidential: true);
        Assert.True(RequestAccess.ContentWithheld(Side.Requested, r));
        r.Transition(RequestAction.Acknowledge, Side.Requested, BraPoc, T0.AddHours(1), acceptConfidentiality: true);
        Assert.Equal((RequestStatus.Received, T0.AddHours(1), T0.AddHours(1)), (r.Status, r.AcknowledgedAt, r.ConfidentialityAcceptedAt));
        Assert.False(RequestAccess.ContentWithheld(Side.Requested, r));
        Assert.Equal(("acknowledge", "BRA"), (r.Events.Last().Action, r.Events.Last().ActorState));
    }

    [Fact]
    public void Transition_AcknowledgeConfidentialWithoutTheUndertaking_IsRefused_AndChangesNothing()
    {
        var r = Submitted("preservation", confidential: true);
        var e = Refused(() => r.Transition(RequestAction.Acknowledge, Side.Requested, BraPoc, T0));
        Assert.Equal(("confidentiality-must-be-accepted", "42"), (e.Code, e.Article));
        Assert.Equal((RequestStatus.Submitted, 1), (r.Status, r.Version));
    }

    [Fact]
    public void Transition_Refuse_KeepsTheGroundAndReasons_OnTheRequestAndItsTimeline()
    {
        var r = Assessed();
        r.Transition(RequestAction.Refuse, Side.Requested, BraCa, T0, "political-offence", "  " + Reasons + " ");
        Assert.Equal((RequestStatus.Refused, "political-offence", Reasons), (r.Status, r.Ground, r.GroundReasons));
        Assert.Equal(("refuse", "political-offence", Reasons), (r.Events.Last().Action, r.Events.Last().Ground, r.Events.Last().Reasons));
    }

    [Fact]
    public void Transition_RefuseWithReasonsHoldingANul_IsRefused()
    {
        var r = Assessed();
        var e = Refused(() => r.Transition(RequestAction.Refuse, Side.Requested, BraCa, T0, "political-offence", Reasons + "\u0000"));
        Assert.Equal((TextRules.ControlCharacterCode, "reasons"), (e.Code, e.Field));
        Assert.Equal(RequestStatus.UnderAssessment, r.Status);
    }

    [Fact]
    public void Transition_ResumeAfterPostponement_ClearsTheGround()
    {
        var r = Assessed();
        r.Transition(RequestAction.Postpone, Side.Requested, BraCa, T0, "ongoing-proceedings", Reasons);
        r.Transition(RequestAction.Resume, Side.Requested, BraCa, T0);
        Assert.Equal((RequestStatus.UnderAssessment, (string?)null, (string?)null), (r.Status, r.Ground, r.GroundReasons));
    }

    [Fact]
    public void Transition_RecordExecutionOfAPreservation_StartsItsClock_AndEachExtensionAddsAPeriod()
    {
        var r = Executed("preservation", T0.AddDays(1));
        Assert.Equal((T0.AddDays(1), T0.AddDays(61)), (r.ExecutedAt, r.PreservationExpiresAt));
        r.Transition(RequestAction.ExtendPreservation, Side.Requesting, FraPoc, T0.AddDays(40));
        Assert.Equal((1, T0.AddDays(121), RequestStatus.Executed), (r.PreservationExtensions, r.PreservationExpiresAt, r.Status));
    }

    [Fact]
    public void Transition_Submit_GoesThroughTheSubmissionOnly() =>
        Assert.Equal("submit-through-submission",
            Refused(() => CooperationRequest.Draft(Content("mla"), FraCa, T0, States)
                .Transition(RequestAction.Submit, Side.Requesting, FraCa, T0)).Code);

    [Fact]
    public void Transition_StaleVersion_IsAConflict_AndChangesNothing()
    {
        var r = Submitted("mla");
        var ex = Assert.Throws<DomainException>(() => r.Transition(RequestAction.Acknowledge, Side.Requested, BraCa, T0, version: 0));
        Assert.Equal("concurrent-change", ex.Errors[0].Code);
        Assert.Equal((RequestStatus.Submitted, 1), (r.Status, r.Version));
    }

    [Fact]
    public void Transition_WithdrawAfterItWasOverdue_ClearsTheOverdueMark()
    {
        var r = CooperationRequest.Draft(Content("mla", deadline: T0.AddDays(1), deadlineReasons: "Trial."), FraCa, T0, States);
        r.Submit(Side.Requesting, FraCa, T0, AnyLanguage);
        Assert.True(r.MarkOverdue(T0.AddDays(2)));
        r.Transition(RequestAction.Withdraw, Side.Requesting, FraCa, T0.AddDays(3));
        Assert.Equal((RequestStatus.Withdrawn, (DateTimeOffset?)null), (r.Status, r.OverdueSince));
    }

    // ---- the thread ----

    [Fact]
    public void PostMessage_StatusEnquiryByTheRequestingSide_IsAddedToTheThread()
    {
        var r = Submitted("mla");
        var m = r.PostMessage(MessageKind.StatusEnquiry, "  Where does it stand?  ", null, null, Side.Requesting, FraCa, T0.AddDays(1));
        Assert.Equal(("Where does it stand?", "FRA", r.Id), (m.Body, m.AuthorState, m.RequestId));
        Assert.Same(m, Assert.Single(r.Messages));
        Assert.Equal(2, r.Version);
    }

    [Fact]
    public void PostMessage_EnquiryByTheRequestedSide_IsRefusedUnderArticle40()
    {
        var e = Refused(() => Submitted("mla").PostMessage(MessageKind.StatusEnquiry, "x", null, null, Side.Requested, BraCa, T0));
        Assert.Equal(("enquiry-by-requesting-side", "40"), (e.Code, e.Article));
    }

    [Fact]
    public void PostMessage_OnADraft_IsAConflict()
    {
        var r = CooperationRequest.Draft(Content("mla"), FraCa, T0, States);
        Assert.Equal(FailureKind.Conflict,
            Assert.Throws<DomainException>(() => r.PostMessage(MessageKind.Message, "x", null, null, Side.Requesting, FraCa, T0)).Kind);
    }

    [Fact]
    public void PostMessage_ReplyingToAMessageOfAnotherRequest_IsRefused()
    {
        var other = Submitted("mla");
        var parent = other.PostMessage(MessageKind.Message, "hello", null, null, Side.Requesting, FraCa, T0);
        var e = Refused(() => Submitted("mla").PostMessage(MessageKind.StatusReply, "x", parent.Id, parent, Side.Requested, BraCa, T0));
        Assert.Equal(("invalid-value", "inReplyTo"), (e.Code, e.Field));
    }

    // ---- attachments ----

    [Fact]
    public void PrepareAttachment_KeepsOnlyTheFileName_AndAnyContentTypeThatIsOne()
    {
        var upload = Submitted("mla").PrepareAttachment(Side.Requested, @"C:\Users\clerk\order.pdf", "not a type", 10, null, null);
        Assert.Equal(("order.pdf", "application/octet-stream"), (upload.FileName, upload.ContentType));
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("order\u0000.pdf")]
    [InlineData("line\nbreak.pdf")]
    public void PrepareAttachment_FileNameWithAControlCharacter_IsRefused(string name)
    {
        var e = Refused(() => Submitted("mla").PrepareAttachment(Side.Requested, name, "application/pdf", 10, null, null));
        Assert.Equal((TextRules.ControlCharacterCode, "file"), (e.Code, e.Field));
    }

    [Fact]
    public void PrepareAttachment_TooLargeAndImpossibleRetention_NamesBoth()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Submitted("mla").PrepareAttachment(Side.Requested, "a.pdf", null, CooperationRequest.MaxAttachmentBytes + 1, null, 0));
        Assert.Equal([("file-too-large", "file"), ("invalid-value", "retentionDays")], ex.Errors.Select(e => (e.Code, e.Field!)));
    }

    [Fact]
    public void PrepareAttachment_BeforeTheRequestedSideUndertakesConfidentiality_IsAConflict() =>
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() =>
            Submitted("preservation", confidential: true).PrepareAttachment(Side.Requested, "a.pdf", null, 1, null, null)).Kind);

    [Fact]
    public void Attach_KeepsTheDocumentWithItsDigestAndConditions()
    {
        var r = Submitted("mla");
        var a = Attached(r, BraCa, retentionDays: 30);
        Assert.Equal(("BRA", 3L, 30, true), (a.UploadedByState, a.Size, a.RetentionDays, a.HasConditions));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", a.Sha256);
        Assert.Equal(T0.AddDays(30), a.RetainUntil);
        Assert.True(a.MustAcknowledge(FraCa));
        Assert.False(a.MustAcknowledge(BraCa));
    }

    [Fact]
    public void AcknowledgeConditions_ByTheReceiver_OpensTheDocument_AndASecondTimeChangesNothing()
    {
        var r = Submitted("mla");
        var a = Attached(r, BraCa, retentionDays: 30);
        Assert.Throws<DomainException>(() => a.EnsureCanOpen(FraCa, T0));
        Assert.True(r.AcknowledgeConditions(a, Side.Requesting, FraCa, T0));
        a.EnsureCanOpen(FraCa, T0.AddDays(29));
        Assert.False(r.AcknowledgeConditions(a, Side.Requesting, FraCa, T0.AddDays(1)));
        Assert.Single(r.Events, e => e.Action == "conditions-acknowledged");
        Assert.Equal("retention-expired", Assert.Throws<DomainException>(() => a.EnsureCanOpen(FraCa, T0.AddDays(31))).Errors[0].Code);
    }

    [Fact]
    public void AcknowledgeConditions_OfItsOwnDocument_IsAConflict() =>
        Assert.Equal("own-document", Assert.Throws<DomainException>(() =>
        {
            var r = Submitted("mla");
            r.AcknowledgeConditions(Attached(r, BraCa, retentionDays: 30), Side.Requested, BraCa, T0);
        }).Errors[0].Code);

    [Fact]
    public void AcknowledgeConditions_OfAnotherRequestsDocument_IsNotFound()
    {
        var other = Submitted("mla");
        var a = Attached(other, BraCa, retentionDays: 30);
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() =>
            Submitted("mla").AcknowledgeConditions(a, Side.Requesting, FraCa, T0)).Kind);
    }

    [Fact]
    public void OnwardTransfer_AskedByTheReceiver_AuthorisedByTheSenderOnly()
    {
        var r = Submitted("mla");
        var a = Attached(r, BraCa);
        Assert.Equal("not-a-third-state", Refused(() => r.RequestOnwardTransfer(a, "bra", "Joint investigation.", Side.Requesting, FraCa, T0,
            States)).Code);
        r.RequestOnwardTransfer(a, " deu ", " Joint investigation. ", Side.Requesting, FraCa, T0, States);
        Assert.Equal(("DEU", "Joint investigation."), (a.OnwardTransferRequestedTo, a.OnwardTransferReasons));
        Assert.Equal(FailureKind.Forbidden, Assert.Throws<DomainException>(() => r.DecideOnwardTransfer(a, true, Side.Requesting, FraCa, T0)).Kind);
        r.DecideOnwardTransfer(a, true, Side.Requested, BraCa, T0);
        Assert.Equal(("DEU", (string?)null), (a.OnwardTransferAuthorisedTo, a.OnwardTransferRequestedTo));
        Assert.Equal("onward-transfer-authorised", r.Events.Last().Action);
    }

    [Fact]
    public void OnwardTransfer_ReasonsLongerThanTheirColumn_AreRefused()
    {
        var r = Submitted("mla");
        var e = Refused(() => r.RequestOnwardTransfer(Attached(r, BraCa), "DEU", new string('x', 2001), Side.Requesting, FraCa, T0, States));
        Assert.Equal(("too-long", "reasons"), (e.Code, e.Field));
    }

    // ---- follow-up ----

    [Fact]
    public void DraftFollowUp_OfAnExecutedPreservation_CarriesItsReference_AndOnlyTheRequestingSideSeesIt()
    {
        var p = Executed("preservation", T0);
        var (version, updated) = (p.Version, p.UpdatedAt);
        var f = p.DraftFollowUp(Side.Requesting, FraPoc, T0.AddDays(2), States);
        Assert.Equal((RequestType.StoredDataAccess, RequestStatus.Draft, p.Id), (f.Type, f.Status, f.PrecedingRequestId));
        // The preservation, which the requested State sees, is as it was.
        Assert.Equal(((Guid?)null, version, updated), (p.FollowUpRequestId, p.Version, p.UpdatedAt));
        Assert.Equal(p.Reference, f.Fields()[RequestCatalogue.PreservationReference]);
        var drafted = p.Events.Last();
        Assert.Equal(("follow-up-drafted", f.Reference), (drafted.Action, drafted.Reasons));
        Assert.True(drafted.IsVisibleTo(Side.Requesting));
        Assert.False(drafted.IsVisibleTo(Side.Requested));
        Assert.Equal("follow-up-exists",
            Assert.Throws<DomainException>(() => p.DraftFollowUp(Side.Requesting, FraPoc, T0, States, drafted: true)).Errors[0].Code);
    }

    [Fact]
    public void DraftFollowUp_OfAnythingButAPreservation_IsAConflict() =>
        Assert.Equal("not-a-preservation", Assert.Throws<DomainException>(() =>
            Submitted("mla").DraftFollowUp(Side.Requesting, FraCa, T0, States)).Errors[0].Code);

    [Fact]
    public void DraftFollowUp_ByTheRequestedSide_IsForbidden() =>
        Assert.Equal(FailureKind.Forbidden,
            Assert.Throws<DomainException>(() => Executed("preservation", T0).DraftFollowUp(Side.Requested, BraPoc, T0, States)).Kind);

    [Fact]
    public void Submit_TheFollowUp_ShowsItOnThePreservationToBothSides()
    {
        var p = Executed("preservation", T0);
        var f = p.DraftFollowUp(Side.Requesting, FraPoc, T0, States);
        f.UpdateDraft(Content("stored-data", fields => fields[RequestCatalogue.PreservationReference] = p.Reference), Side.Requesting, T0, States);
        f.Submit(Side.Requesting, FraCa, T0.AddDays(1), AnyLanguage, p);
        var sent = p.Events.Last();
        Assert.Equal(("follow-up-submitted", f.Reference, (Side?)null), (sent.Action, sent.Reasons, sent.VisibleTo));
        Assert.Equal(f.Id, p.FollowUpRequestId);
        Assert.Equal("follow-up-exists", Assert.Throws<DomainException>(() => p.DraftFollowUp(Side.Requesting, FraPoc, T0, States)).Errors[0].Code);
        Assert.True(PreservationClock.HeldByFollowUp(f.Status));
    }

    [Fact]
    public void Submit_NamingAPreservationByItsReference_LinksThem()
    {
        var p = Executed("preservation", T0);
        var f = CooperationRequest.Draft(Content("stored-data", fields => fields[RequestCatalogue.PreservationReference] = p.Reference), FraCa,
            T0, States);
        Assert.Equal(p.Reference, f.UnlinkedPreservationReference);
        f.Submit(Side.Requesting, FraCa, T0, AnyLanguage, p);
        Assert.Equal((p.Id, f.Id), (f.PrecedingRequestId, p.FollowUpRequestId));
        Assert.Null(f.UnlinkedPreservationReference);
    }

    [Fact]
    public void Submit_NamingAnotherStatesPreservation_DoesNotLinkIt()
    {
        var theirs = CooperationRequest.Draft(Content("preservation", to: "BRA"), Officer("USA", Roles.PointOfContact), T0, States);
        var f = CooperationRequest.Draft(Content("stored-data", fields => fields[RequestCatalogue.PreservationReference] = theirs.Reference),
            FraCa, T0, States);
        f.Submit(Side.Requesting, FraCa, T0, AnyLanguage, theirs);
        Assert.Equal(((Guid?)null, (Guid?)null), (f.PrecedingRequestId, theirs.FollowUpRequestId));
        Assert.Empty(theirs.Events);
    }

    // ---- the clocks ----

    [Fact]
    public void Escalate_AnEmergencyNotAcknowledgedInTime_Once()
    {
        var r = CooperationRequest.Draft(Content("emergency"), FraPoc, T0, States);
        r.Submit(Side.Requesting, FraPoc, T0, new RequestedStateTerms([], TimeSpan.FromHours(2)));
        Assert.False(r.Escalate(T0.AddHours(1), ["Backup desk"]));
        Assert.True(r.Escalate(T0.AddHours(2), ["Backup desk", "Night duty"]));
        Assert.False(r.Escalate(T0.AddHours(3), ["Backup desk"]));
        var e = Assert.Single(r.Events, x => x.Action == "escalated");
        Assert.Equal(("Backup desk, Night duty", (string?)null, Actor.System.Id), (e.Reasons, e.ActorState, e.ActorId));
    }

    [Fact]
    public void RemindPreservationExpiry_TenDaysBefore_UnlessAFollowUpHoldsIt()
    {
        var r = Executed("preservation", T0);
        Assert.False(r.RemindPreservationExpiry(T0.AddDays(49), null));
        Assert.False(r.RemindPreservationExpiry(T0.AddDays(51), RequestStatus.UnderAssessment));
        Assert.True(r.RemindPreservationExpiry(T0.AddDays(51), RequestStatus.Draft));
        Assert.False(r.RemindPreservationExpiry(T0.AddDays(52), null));
        r.Transition(RequestAction.ExtendPreservation, Side.Requesting, FraPoc, T0.AddDays(55));
        Assert.True(r.RemindPreservationExpiry(T0.AddDays(111), null));
    }

    [Fact]
    public void MarkOverdue_PastTheDeadline_Once_AndNeverOnceFinal()
    {
        var r = CooperationRequest.Draft(Content("mla", deadline: T0.AddDays(1), deadlineReasons: "Trial."), FraCa, T0, States);
        Assert.False(r.MarkOverdue(T0.AddDays(2)));
        r.Submit(Side.Requesting, FraCa, T0, AnyLanguage);
        Assert.False(r.MarkOverdue(T0.AddHours(23)));
        Assert.True(r.MarkOverdue(T0.AddDays(2)));
        Assert.False(r.MarkOverdue(T0.AddDays(3)));
        Assert.Single(r.Events, e => e.Action == "overdue");
    }

    // ---- helpers ----

    [Fact]
    public void RecordPreservationPeriod_NinetyDays_MovesTheExpiry_AndTheTimelineSaysSo()
    {
        var r = Executed("preservation", T0);
        r.RecordPreservationPeriod(90, Side.Requested, BraPoc, T0.AddDays(1));
        Assert.Equal(90, r.PreservationDays);
        Assert.Equal(T0.AddDays(90), r.PreservationExpiresAt);
        var e = r.Events.Last();
        Assert.Equal("preservation-period", e.Action);
        Assert.Equal("90", e.Reasons);
        Assert.Null(e.VisibleTo);
        r.Transition(RequestAction.ExtendPreservation, Side.Requesting, FraPoc, T0.AddDays(80));
        Assert.Equal(T0.AddDays(150), r.PreservationExpiresAt);
    }

    [Fact]
    public void RecordPreservationPeriod_ByTheRequestingSide_IsForbidden_AndChangesNothing()
    {
        var r = Executed("preservation", T0);
        var ex = Assert.Throws<DomainException>(() => r.RecordPreservationPeriod(90, Side.Requesting, FraPoc, T0));
        Assert.Equal(FailureKind.Forbidden, ex.Kind);
        Assert.Null(r.PreservationDays);
        Assert.Equal(T0.AddDays(60), r.PreservationExpiresAt);
    }

    [Fact]
    public void RecordPreservationPeriod_BelowTheArticle_IsRefused()
    {
        var r = Executed("preservation", T0);
        var e = Refused(() => r.RecordPreservationPeriod(30, Side.Requested, BraPoc, T0));
        Assert.Equal("preservation-period-too-short", e.Code);
        Assert.Equal(T0.AddDays(60), r.PreservationExpiresAt);
    }

    [Fact]
    public void RecordPreservationPeriod_BeforeTheDataArePreserved_IsAConflict()
    {
        var r = Submitted("preservation");
        var ex = Assert.Throws<DomainException>(() => r.RecordPreservationPeriod(90, Side.Requested, BraPoc, T0));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Equal("preservation-not-running", ex.Errors[0].Code);
        var mla = Assert.Throws<DomainException>(() => Submitted("mla").RecordPreservationPeriod(90, Side.Requested, BraCa, T0));
        Assert.Equal("not-a-preservation", mla.Errors[0].Code);
    }

    private static Actor Officer(string? state, params string[] roles) => new($"{state}-{roles[0]}", $"Officer of {state}", state, roles.ToHashSet());

    private static DraftContent Content(string type, Action<Dictionary<string, string?>>? change = null, string to = "BRA", string?[]? terms = null,
        DateTimeOffset? deadline = null, string? deadlineReasons = null, bool confidential = false)
    {
        RequestCatalogue.TryParse(type, out var spec);
        var fields = RequestContentTests.Complete(spec.Type);
        change?.Invoke(fields);
        return new DraftContent(type, to, "en", null, confidential, fields, terms, deadline, deadlineReasons);
    }

    private static CooperationRequest Submitted(string type, bool confidential = false)
    {
        var by = RequestCatalogue.TryParse(type, out var spec) && spec.Urgent ? FraPoc : FraCa;
        var r = CooperationRequest.Draft(Content(type, confidential: confidential), by, T0, States);
        r.Submit(Side.Requesting, by, T0, AnyLanguage);
        return r;
    }

    private static CooperationRequest Assessed()
    {
        var r = Submitted("mla");
        r.Transition(RequestAction.Acknowledge, Side.Requested, BraCa, T0);
        r.Transition(RequestAction.StartAssessment, Side.Requested, BraCa, T0);
        return r;
    }

    private static CooperationRequest Executed(string type, DateTimeOffset at)
    {
        var r = Submitted(type);
        foreach (var a in new[] { RequestAction.Acknowledge, RequestAction.StartAssessment, RequestAction.Accept, RequestAction.StartExecution })
            r.Transition(a, Side.Requested, BraPoc, T0);
        r.Transition(RequestAction.RecordExecution, Side.Requested, BraPoc, at);
        return r;
    }

    private static RequestAttachment Attached(CooperationRequest r, Actor by, int? retentionDays = null)
    {
        var side = RequestAccess.Require(by, r);
        var upload = r.PrepareAttachment(side, "records.csv", "text/csv", 3, null, retentionDays);
        return r.Attach(upload, "abc"u8.ToArray(), side, by, T0);
    }

    private static DomainError Refused(Action act)
    {
        var ex = Assert.Throws<DomainException>(act);
        Assert.Equal(FailureKind.Invalid, ex.Kind);
        return ex.Errors[0];
    }
}
