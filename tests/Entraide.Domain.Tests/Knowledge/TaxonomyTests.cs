using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.Domain.Tests.Knowledge;

using Evidence = Entraide.Domain.Knowledge.Evidence;

public sealed class TaxonomyTests
{
    [Fact]
    public void Current_HoldsEveryCoreTerm_InArticleOrder()
    {
        var core = OffenceTaxonomy.Current.OfKind(TermKind.Core).ToList();
        Assert.Equal(OffenceTerms.Core, core.Select(t => t.Code));
        // Every criminalisation article of the Convention: Arts 7–17, and 26 (participation and attempt).
        Assert.Equal([.. Enumerable.Range(7, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "26"],
            core.Select(t => t.Article));
        Assert.Equal(OffenceTaxonomy.CurrentVersion, OffenceTaxonomy.Current[OffenceTerms.ParticipationAndAttempt].Since);
        Assert.Equal(OffenceTaxonomy.FirstVersion, OffenceTaxonomy.Current[OffenceTerms.IllegalAccess].Since);
    }

    [Fact]
    public void EveryTerm_HasALabelInEachOfTheSixLanguages()
    {
        foreach (var t in OffenceTaxonomy.Current.Terms)
            foreach (var l in Languages.All)
                Assert.False(string.IsNullOrWhiteSpace(t.Labels.GetValueOrDefault(l)), $"{t.Code} lacks a label in {l}");
    }

    [Fact]
    public void Codes_AreUnique_AndProceduralPowersAreNotOffences()
    {
        var codes = OffenceTaxonomy.Current.Terms.Select(t => t.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(5, OffenceTaxonomy.Current.OfKind(TermKind.Procedural).Count());
        Assert.False(OffenceTaxonomy.Current.IsOffence(ProceduralPowers.Interception));
        Assert.True(OffenceTaxonomy.Current.IsOffence(OptionalTerms.RansomwareExtortion));
    }
}

public sealed class PenaltyRangeTests
{
    [Theory]
    [InlineData(48, true)]
    [InlineData(47, false)]
    [InlineData(null, null)]
    public void IsSerious_FollowsTheFourYearMaximum(int? max, bool? serious) =>
        Assert.Equal(serious, new PenaltyRange(null, max).IsSerious);

    [Fact]
    public void Validate_MinimumAboveMaximum_IsRefused() =>
        Assert.Contains(PenaltyRange.Validate(60, 12), e => e.Code == "penalty-min-above-max");
}

public sealed class LegislationHistoryTests
{
    private static readonly Guid A = Guid.CreateVersion7(), B = Guid.CreateVersion7(), C = Guid.CreateVersion7();

    private static readonly ExpressionDate[] Versions =
    [
        new(A, "fr", new DateOnly(1988, 1, 5)),
        new(B, "fr", new DateOnly(2004, 6, 21)),
        new(C, "en", new DateOnly(2010, 1, 1)),
    ];

    [Fact]
    public void InForce_BeforeTheAmendment_GivesTheOriginalVersion() =>
        Assert.Equal(A, Assert.Single(LegislationHistory.InForce(Versions, new DateOnly(2000, 1, 1), null)).Id);

    [Fact]
    public void InForce_AfterTheAmendment_GivesTheAmendedVersionPerLanguage()
    {
        var inForce = LegislationHistory.InForce(Versions, new DateOnly(2020, 1, 1), null);
        Assert.Equal([C, B], inForce.Select(e => e.Id)); // UN order: en before fr
    }

    [Fact]
    public void InForce_OnOrAfterRepeal_GivesNothing()
    {
        Assert.Empty(LegislationHistory.InForce(Versions, new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 1)));
        Assert.NotEmpty(LegislationHistory.InForce(Versions, new DateOnly(2021, 2, 28), new DateOnly(2021, 3, 1)));
    }

    [Fact]
    public void Authoritative_PrefersTheOriginalLanguage() =>
        Assert.Equal(B, LegislationHistory.Authoritative(Versions, new DateOnly(2020, 1, 1), null, "fr")!.Id);

    [Fact]
    public void CheckNewVersion_SameDateOrAfterRepeal_IsRefused()
    {
        Assert.Equal("version-exists", LegislationHistory.CheckNewVersion(Versions, "fr", new DateOnly(2004, 6, 21), null)?.Code);
        Assert.Equal("after-repeal", LegislationHistory.CheckNewVersion(Versions, "fr", new DateOnly(2022, 1, 1), new DateOnly(2021, 1, 1))?.Code);
        Assert.Null(LegislationHistory.CheckNewVersion(Versions, "es", new DateOnly(2004, 6, 21), null));
    }
}

public sealed class DualCriminalityTests
{
    private static readonly DateOnly On = new(2025, 1, 1);

    private static CriminalisationProfile Profile(string state, params (string Term, int? Max)[] covered) =>
        new(state, On, legislationRecorded: true,
            covered.Select(c => new Evidence(Guid.CreateVersion7(), state, "art. " + c.Term, c.Term, new PenaltyRange(null, c.Max))));

    private static CriminalisationProfile Unrecorded(string state) => new(state, On, legislationRecorded: false, []);

    [Fact]
    public void Judge_CoveredInBoth_IsCriminalInBoth_CitingEachSide()
    {
        var j = DualCriminality.Judge([OffenceTerms.IllegalAccess], Profile("FRA", (OffenceTerms.IllegalAccess, 36)), Profile("BRA",
            (OffenceTerms.IllegalAccess, 48)));
        Assert.Equal(DualOutcome.CriminalInBoth, j.Outcome);
        var t = Assert.Single(j.Terms);
        Assert.Equal("FRA", Assert.Single(t.RequestingEvidence).State);
        Assert.Equal("BRA", Assert.Single(t.RequestedEvidence).State);
        Assert.False(j.SeriousInBoth); // 3 years in France falls short of four
    }

    [Fact]
    public void Judge_DifferentOffenceNamesSameConduct_StillCriminalInBoth()
    {
        // Conduct, not names: a fraud provision and a forgery-and-fraud provision both tagged computer-fraud.
        var j = DualCriminality.Judge([OffenceTerms.ComputerFraud],
            Profile("USA", (OffenceTerms.ComputerFraud, 240)), Profile("JPN", (OffenceTerms.ComputerFraud, 60)));
        Assert.Equal(DualOutcome.CriminalInBoth, j.Outcome);
        Assert.True(j.SeriousInBoth);
    }

    [Fact]
    public void Judge_TwoConducts_EachCriminalOnOneSideOnly_IsNotCriminalInBoth()
    {
        // Each conduct is judged apart: fraud with no provision in Japan, forgery with none in the United States.
        var j = DualCriminality.Judge([OffenceTerms.ComputerFraud, OffenceTerms.ComputerForgery],
            Profile("USA", (OffenceTerms.ComputerFraud, 240)), Profile("JPN", (OffenceTerms.ComputerForgery, 60)));
        Assert.Equal(DualOutcome.Unknown, j.Outcome);
        Assert.All(j.Terms, t => Assert.Equal(DualOutcome.Unknown, t.Outcome));
        Assert.Null(j.SeriousInBoth);
    }

    [Fact]
    public void Judge_HalfTheConductsWithNoProvisionRecorded_IsNeverCriminalInBoth()
    {
        // The FRA → CHN case of issue 15: two conducts criminal in both, two with no provision recorded on either side.
        var fra = Profile("FRA", (OffenceTerms.IllegalAccess, 60), (OffenceTerms.DataInterference, 84));
        var chn = Profile("CHN", (OffenceTerms.IllegalAccess, 84), (OffenceTerms.DataInterference, 180));
        var j = DualCriminality.Judge([OffenceTerms.IllegalAccess, OffenceTerms.DataInterference, OffenceTerms.Grooming, OffenceTerms.IntimateImages],
            fra, chn);
        Assert.Equal(DualOutcome.Unknown, j.Outcome);
        Assert.Null(j.SeriousInBoth);
        Assert.Equal(2, j.Terms.Count(t => t.Outcome == DualOutcome.CriminalInBoth));
        Assert.Equal(Coverage.NoProvisionRecorded, j.Terms.Single(t => t.Term == OffenceTerms.Grooming).Requesting);
    }

    [Fact]
    public void Judge_CriminalInBoth_CitesTheProvisionGivingTheHeaviestPenaltyOnEachSide()
    {
        var fra = Profile("FRA", (OffenceTerms.IllegalAccess, 36), (OffenceTerms.DataInterference, 60));
        var bra = Profile("BRA", (OffenceTerms.IllegalAccess, 48), (OffenceTerms.DataInterference, 24));
        var j = DualCriminality.Judge([OffenceTerms.IllegalAccess, OffenceTerms.DataInterference], fra, bra);
        Assert.Equal(DualOutcome.CriminalInBoth, j.Outcome);
        Assert.Equal("art. " + OffenceTerms.DataInterference, j.RequestingPenalty!.Citation);
        Assert.Equal(60, j.RequestingPenalty.Penalty.MaxMonths);
        Assert.Equal("art. " + OffenceTerms.IllegalAccess, j.RequestedPenalty!.Citation);
        Assert.True(j.SeriousInBoth);
        var access = j.Terms.Single(t => t.Term == OffenceTerms.IllegalAccess);
        Assert.False(access.SeriousInBoth);
        Assert.Equal(36, access.RequestingPenalty!.Penalty.MaxMonths);
    }

    [Fact]
    public void Judge_CoveredByRequested_NoProvisionInRequesting_IsUnknownNotOnlyInRequested() =>
        Assert.Equal(DualOutcome.Unknown,
            DualCriminality.Judge([OptionalTerms.TerroristUse], Profile("GBR", (OffenceTerms.IllegalAccess, 24)), Profile("EGY",
                (OptionalTerms.TerroristUse, 120))).Outcome);

    [Fact]
    public void Judge_StateWithNoRecordedLaw_IsUnknownNotInnocent() =>
        Assert.Equal(DualOutcome.Unknown,
            DualCriminality.Judge([OffenceTerms.IllegalAccess], Profile("FRA", (OffenceTerms.IllegalAccess, 36)), Unrecorded("TUV")).Outcome);

    [Fact]
    public void Judge_NoProvisionRecordedAnywhere_IsUnknownNotInNeither()
    {
        var j = DualCriminality.Judge([OptionalTerms.Copyright], Profile("FRA", (OffenceTerms.IllegalAccess, 36)), Profile("BRA",
            (OffenceTerms.IllegalAccess, 48)));
        Assert.Equal(DualOutcome.Unknown, j.Outcome);
        Assert.Equal(Coverage.NoProvisionRecorded, j.Requesting);
        Assert.Equal(Coverage.NoProvisionRecorded, j.Requested);
    }

    [Fact]
    public void Judge_NoTerms_IsUnknown() =>
        Assert.Equal(DualOutcome.Unknown, DualCriminality.Judge([], Profile("FRA"), Profile("BRA")).Outcome);

    [Fact]
    public void Judge_MissingPenalty_LeavesSeriousnessUnknown() =>
        Assert.Null(DualCriminality.Judge([OffenceTerms.IllegalAccess], Profile("FRA", (OffenceTerms.IllegalAccess, 60)), Profile("BRA",
            (OffenceTerms.IllegalAccess, null))).SeriousInBoth);
}

public sealed class GapAnalysisTests
{
    [Fact]
    public void Analyse_CountsCoreAndProceduralCoverage_AndFlagsMissingPenalties()
    {
        var profile = new CriminalisationProfile("NGA", new DateOnly(2025, 1, 1), true,
        [
            new Evidence(Guid.CreateVersion7(), "NGA", "s. 6", OffenceTerms.IllegalAccess, new PenaltyRange(null, 60)),
            new Evidence(Guid.CreateVersion7(), "NGA", "s. 8", OffenceTerms.SystemInterference, new PenaltyRange(null, null)),
            new Evidence(Guid.CreateVersion7(), "NGA", "s. 38", ProceduralPowers.Preservation, new PenaltyRange(null, null)),
        ]);
        var gaps = Gaps.Analyse(OffenceTaxonomy.Current, profile);
        var core = gaps.Chapters.Single(c => c.Kind == TermKind.Core);
        Assert.Equal(2, core.Covered);
        Assert.Equal(12, core.Total);
        Assert.True(core.Lines.Single(l => l.Term.Code == OffenceTerms.SystemInterference).PenaltyMissing);
        Assert.False(core.Lines.Single(l => l.Term.Code == OffenceTerms.IllegalAccess).PenaltyMissing);
        var procedural = gaps.Chapters.Single(c => c.Kind == TermKind.Procedural);
        Assert.Equal(1, procedural.Covered);
        Assert.False(procedural.Lines.Single(l => l.Term.Code == ProceduralPowers.Preservation).PenaltyMissing);
        Assert.Equal(Coverage.NoProvisionRecorded, core.Lines.Single(l => l.Term.Code == OffenceTerms.Grooming).Coverage);
    }
}
