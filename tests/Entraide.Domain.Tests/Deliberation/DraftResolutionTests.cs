using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Deliberation;

public sealed class DraftResolutionTests
{
    private static readonly DateTimeOffset Now = new(2019, 10, 31, 10, 0, 0, TimeSpan.Zero);
    private static readonly StateDirectory States = StateDirectory.Default;
    private static readonly Actor Secretariat = new("sec", "Secretariat", null, new HashSet<string> { Roles.Secretariat });

    internal static Actor Delegate(string state) => new("d-" + state, "Delegate of " + state, state, new HashSet<string> { Roles.Delegate });

    internal static IReadOnlyList<Paragraph> Text(string operative = "1. Requests the Office to continue;") =>
        [new Paragraph(ParagraphKind.Preambular, "Recalling its resolution 65/230,"), new Paragraph(ParagraphKind.Operative, operative)];

    internal static DraftResolution Start(Actor actor, params string?[] sponsors) =>
        DraftResolution.Start(actor, "Technical assistance", "107", "en", Text(), null, sponsors, States, Now);

    [Fact]
    public void Start_ByADelegate_MakesItsStateTheOnlyMainSponsor()
    {
        var d = Start(Delegate("FRA"), "fra");
        Assert.Equal(["FRA"], d.Sponsors.Select(s => s.State));
        Assert.Equal(SponsorKind.Main, d.Sponsors[0].Kind);
        Assert.Equal("FRA", d.OwnerState);
        Assert.Equal(DraftStatus.Working, d.Status);
        Assert.Equal([0], d.Revisions.Select(r => r.Number));
    }

    [Theory]
    [InlineData("BRA")]
    [InlineData("")]
    [InlineData(null)]
    public void Start_ByADelegateNamingAnotherState_IsRefused(string? other)
    {
        var e = Assert.Throws<DomainException>(() => Start(Delegate("FRA"), "FRA", other));
        Assert.Equal(("own-state-only", "mainSponsors"), (e.Errors[0].Code, e.Errors[0].Field));
    }

    [Fact]
    public void Start_BySecretariat_NamesTheMainSponsors_WhoMustBeMemberStates()
    {
        Assert.Equal(["MEX", "BRA"], Start(Secretariat, "mex", "BRA").Sponsors.Select(s => s.State));
        Assert.Equal("unknown-state", Assert.Throws<DomainException>(() => Start(Secretariat, "VAT")).Errors[0].Code);
        Assert.Equal("required", Assert.Throws<DomainException>(() => Start(Secretariat)).Errors[0].Code);
    }

    [Fact]
    public void Revise_StaleVersion_IsAConflict_AndChangesNothing()
    {
        var d = Start(Delegate("FRA"));
        var e = Assert.Throws<DomainException>(() => d.Revise(Delegate("FRA"), null, Text("1. Decides;"), null, version: 5, Now));
        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Equal(0, d.CurrentRevision);
        Assert.Single(d.Revisions);
    }

    [Fact]
    public void Issue_ThenRevise_NumbersTheRevisionsFromTheIssuedText()
    {
        var d = Start(Delegate("FRA"));
        d.Revise(Delegate("FRA"), null, Text("1. Decides;"), null, d.Version, Now);
        d.Issue(" A/C.3/74/L.11 ", d.Version, Now);
        d.Revise(Delegate("FRA"), null, Text("1. Decides again;"), null, d.Version, Now);
        Assert.Equal(1, d.IssuedRevision);
        Assert.Null(d.SymbolOf(0));
        Assert.Equal("A/C.3/74/L.11", d.SymbolOf(1));
        Assert.Equal("A/C.3/74/L.11/Rev.1", d.CurrentSymbol);
    }

    [Theory]
    [InlineData("L.11", "invalid-symbol")]
    [InlineData("A/C.3/74/L.11\u0000", "control-characters")]
    public void Issue_BadSymbol_IsRefused_AndTheDraftStaysInPreparation(string symbol, string code)
    {
        var d = Start(Delegate("FRA"));
        Assert.Equal(code, Assert.Throws<DomainException>(() => d.Issue(symbol, d.Version, Now)).Errors[0].Code);
        Assert.Equal(DraftStatus.Working, d.Status);
        Assert.Null(d.Symbol);
    }

    [Fact]
    public void AddSponsor_AfterIssue_IsACoSponsor_AndADelegateSpeaksForItsOwnStateOnly()
    {
        var d = Start(Delegate("FRA"));
        d.Issue("A/C.3/74/L.11", d.Version, Now);
        Assert.Equal(SponsorKind.CoSponsor, d.AddSponsor(Delegate("BRA"), null, null, States, Now).Kind);
        Assert.Equal("own-state-only", Assert.Throws<DomainException>(() => d.AddSponsor(Delegate("MEX"), "USA", null, States, Now)).Errors[0].Code);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => d.AddSponsor(Delegate("BRA"), null, null, States, Now)).Kind);
        Assert.Equal("date-in-future",
            Assert.Throws<DomainException>(() => d.AddSponsor(Delegate("MEX"), null, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1), States, Now))
                .Errors[0].Code);
    }

    [Fact]
    public void Decide_OnlyAnIssuedDraft_AndOnce()
    {
        var d = Start(Delegate("FRA"));
        d.Decide(VoteOutcome.Adopted);
        Assert.Equal(DraftStatus.Working, d.Status);
        d.Issue("A/C.3/74/L.11", d.Version, Now);
        d.Decide(VoteOutcome.Rejected);
        d.Decide(VoteOutcome.Adopted);
        Assert.Equal(DraftStatus.Rejected, d.Status);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => d.Revise(Delegate("FRA"), null, Text(), null, d.Version, Now)).Kind);
    }

    [Fact]
    public void Revision_Paragraphs_RoundTripThroughTheStoredJson()
    {
        var d = Start(Delegate("FRA"));
        Assert.Equal(Text(), d.Revisions[0].Paragraphs());
    }
}

public sealed class DraftAccessTests
{
    private static readonly DateTimeOffset Now = new(2019, 10, 31, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WorkingTexts_AreReadByTheMainSponsorsAndTheSecretariat_NotByCoSponsorsOrOthers()
    {
        var d = DraftResolutionTests.Start(DraftResolutionTests.Delegate("FRA"));
        d.Revise(DraftResolutionTests.Delegate("FRA"), null, DraftResolutionTests.Text("1. Decides;"), null, d.Version, Now);
        var secretariat = new Actor("sec", "Secretariat", null, new HashSet<string> { Roles.Secretariat });
        Assert.False(DraftAccess.CanSee(DraftResolutionTests.Delegate("BRA"), d));
        d.Issue("A/C.3/74/L.11", d.Version, Now);
        d.AddSponsor(DraftResolutionTests.Delegate("BRA"), null, null, StateDirectory.Default, Now);

        Assert.Equal(0, DraftAccess.FirstVisibleRevision(DraftResolutionTests.Delegate("FRA"), d));
        Assert.Equal(0, DraftAccess.FirstVisibleRevision(secretariat, d));
        Assert.Equal(1, DraftAccess.FirstVisibleRevision(DraftResolutionTests.Delegate("BRA"), d));
        Assert.Equal(1, DraftAccess.FirstVisibleRevision(DraftResolutionTests.Delegate("MEX"), d));
        // An account of the main sponsor's State without the delegate role does not read the working texts.
        Assert.Equal(1, DraftAccess.FirstVisibleRevision(new Actor("ca", "CA", "FRA", new HashSet<string> { Roles.CentralAuthority }), d));
        Assert.Equal(1, DraftAccess.FirstPublicRevision(d));
        Assert.False(DraftAccess.CanEdit(DraftResolutionTests.Delegate("BRA"), d));
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => DraftAccess.EnsureVisible(0, 1)).Kind);
        DraftAccess.EnsureVisible(1, 1);
        DraftAccess.EnsureVisible(null, 1);
    }
}
