using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Deliberation;

public sealed class VoteTests
{
    private static readonly DateTimeOffset Now = new(2019, 11, 19, 15, 0, 0, TimeSpan.Zero);
    private static readonly StateDirectory States = StateDirectory.Default;
    private static readonly Actor Secretariat = new("sec", "Secretariat", null, new HashSet<string> { Roles.Secretariat });

    private static VoteMotion Motion(string? method = null, string? paragraphKind = null, int? paragraphNumber = null, string? amendment = null,
        DateOnly? date = null) => new("A/C.3/74/L.11", null, amendment, paragraphKind, paragraphNumber, date, method, null);

    [Fact]
    public void Open_CollectsEveryError_WithItsField()
    {
        var e = Assert.Throws<DomainException>(() => Vote.Open(
            new VoteMotion("L.11", "C.9", "A/C.3/74/L.12", "preamble", 0, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1), "show-of-hands", "half"),
            null, Secretariat, Now));
        Assert.Equal(["draftSymbol", "body", "paragraphKind", "paragraphNumber", "paragraphKind", "method", "majority", "date"],
            e.Errors.Select(x => x.Field));
    }

    [Fact]
    public void Open_OnADraftInPreparation_IsAConflict()
    {
        var d = DraftResolutionTests.Start(DraftResolutionTests.Delegate("FRA"));
        Assert.Equal("draft-not-issued", Assert.Throws<DomainException>(() => Vote.Open(Motion(), d, Secretariat, Now)).Errors[0].Code);
    }

    [Fact]
    public void Open_WithoutAVote_IsClosedAndAdopted_AndDecidesTheDraft()
    {
        var d = DraftResolutionTests.Start(DraftResolutionTests.Delegate("FRA"));
        d.Issue("A/C.3/74/L.11", d.Version, Now);
        var v = Vote.Open(Motion(method: "without-vote"), d, Secretariat, Now);
        Assert.Equal((VoteStatus.Closed, VoteOutcome.Adopted), (v.Status, v.Outcome));
        Assert.Equal(DraftStatus.Adopted, d.Status);
    }

    [Fact]
    public void Open_OnAParagraph_DoesNotDecideTheDraft()
    {
        var d = DraftResolutionTests.Start(DraftResolutionTests.Delegate("FRA"));
        d.Issue("A/C.3/74/L.11", d.Version, Now);
        var v = Vote.Open(Motion(method: "without-vote", paragraphKind: "operative", paragraphNumber: 2), d, Secretariat, Now);
        Assert.False(v.IsOnWholeDraft);
        Assert.Equal(DraftStatus.Issued, d.Status);
    }

    [Fact]
    public void RecordBallots_ThenClose_FixesTheTally_AndNothingChangesAfter()
    {
        var v = Vote.Open(Motion(), null, Secretariat, Now);
        v.RecordBallots(new Dictionary<string, string?> { ["fra"] = "yes", ["BRA"] = "yes", ["CHN"] = "no", ["IND"] = "abstain" }, 0, States);
        Assert.Equal(new Tally(2, 1, 1, 0), v.CurrentTally());
        Assert.Equal(VoteOutcome.Adopted, v.Close(Secretariat, v.Version, Now));
        var e = Assert.Throws<DomainException>(() => v.RecordBallots(new Dictionary<string, string?> { ["FRA"] = "no" }, v.Version, States));
        Assert.Equal("vote-closed", e.Errors[0].Code);
        Assert.Equal(VoteChoice.Yes, v.Ballots.Single(b => b.State == "FRA").Choice);
    }

    [Fact]
    public void RecordBallots_NullChoiceOrNonMember_IsRefused_AndNoBallotIsEntered()
    {
        var v = Vote.Open(Motion(), null, Secretariat, Now);
        var e = Assert.Throws<DomainException>(() =>
            v.RecordBallots(new Dictionary<string, string?> { ["FRA"] = null, ["VAT"] = "yes", ["BRA"] = "yes" }, 0, States));
        Assert.Equal(["invalid-vote-choice", "not-a-member-state"], e.Errors.Select(x => x.Code));
        Assert.Empty(v.Ballots);
        Assert.Equal(0, v.Version);
    }

    [Fact]
    public void ImportBallots_ReplacesEveryBallot()
    {
        var v = Vote.Open(Motion(), null, Secretariat, Now);
        v.RecordBallots(new Dictionary<string, string?> { ["FRA"] = "yes", ["CHN"] = "no" }, 0, States);
        v.ImportBallots([["BRA", "yes"], ["FRA", "abstain"]], v.Version, States);
        Assert.Equal(["BRA", "FRA"], v.Ballots.Select(b => b.State).Order());
        Assert.Equal(VoteChoice.Abstain, v.Ballots.Single(b => b.State == "FRA").Choice);
    }

    [Fact]
    public void AddFootnote_OnlyOnAClosedRecordedVote_AndNeverTheBallotAsCast()
    {
        var v = Vote.Open(Motion(), null, Secretariat, Now);
        v.RecordBallots(new Dictionary<string, string?> { ["FRA"] = "yes" }, 0, States);
        Assert.Equal("vote-not-closed", Assert.Throws<DomainException>(() => v.AddFootnote("FRA", "no", null, States, Secretariat,
            Now)).Errors[0].Code);
        v.Close(Secretariat, v.Version, Now);
        Assert.Equal("footnote-same-as-ballot",
            Assert.Throws<DomainException>(() => v.AddFootnote("FRA", "yes", null, States, Secretariat, Now)).Errors[0].Code);
        v.AddFootnote("fra", "no", null, States, Secretariat, Now);
        Assert.Equal(VoteChoice.Yes, v.Ballots.Single().Choice);
        Assert.Equal(VoteChoice.No, v.Footnotes.Single().Intended);
    }
}
