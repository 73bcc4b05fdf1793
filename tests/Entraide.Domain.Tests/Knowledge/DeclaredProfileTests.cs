using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Knowledge;

/// <summary>How a State's declared categories (Network profile) merge with the evidence of its provisions.</summary>
public sealed class DeclaredProfileTests
{
    private static readonly DateOnly On = new(2026, 11, 26);

    private static Evidence Provision(string state, string term, int? max) =>
        new(Guid.CreateVersion7(), state, "art. " + term, term, new PenaltyRange(null, max));

    private static CriminalisationProfile Profile(string state, bool recorded, IEnumerable<Evidence> evidence, params string[] declared) =>
        new(state, On, recorded, evidence, new DeclaredProfile(state, declared, ProfileVersion: 3));

    [Fact]
    public void CoverageOf_DeclaredWithoutProvision_IsDeclared_CitingTheCategory()
    {
        var p = Profile("EGY", true, [Provision("EGY", OffenceTerms.IllegalAccess, 36)], OffenceCategories.Terrorism);
        Assert.Equal(Coverage.Declared, p.CoverageOf(OptionalTerms.TerroristUse));
        Assert.Equal([OffenceCategories.Terrorism], p.DeclaredFor(OptionalTerms.TerroristUse));
        Assert.Empty(p.EvidenceFor(OptionalTerms.TerroristUse));
        Assert.Null(p.MaxPenaltyMonths(OptionalTerms.TerroristUse));
    }

    [Fact]
    public void CoverageOf_DeclaredAndEvidenced_IsCoveredByTheProvision()
    {
        var p = Profile("EGY", true, [Provision("EGY", OptionalTerms.TerroristUse, 120)], OffenceCategories.Terrorism);
        Assert.Equal(Coverage.Covered, p.CoverageOf(OptionalTerms.TerroristUse));
        Assert.Equal(120, p.MaxPenaltyMonths(OptionalTerms.TerroristUse));
        Assert.Equal([OffenceCategories.Terrorism], p.DeclaredFor(OptionalTerms.TerroristUse));
    }

    [Fact]
    public void CoverageOf_DeclaredWithNoLegislationRecorded_IsDeclaredNotUnknown()
    {
        var p = Profile("TUV", false, [], OffenceCategories.CopyrightInfringement);
        Assert.Equal(Coverage.Declared, p.CoverageOf(OptionalTerms.Copyright));
        Assert.Equal(Coverage.Unknown, p.CoverageOf(OffenceTerms.IllegalAccess));
    }

    [Fact]
    public void CoverageOf_UndeclaredTerm_StaysNotCoveredOrUnknown()
    {
        Assert.Equal(Coverage.NotCovered, Profile("FRA", true, [Provision("FRA", OffenceTerms.IllegalAccess, 36)],
            OffenceCategories.Terrorism).CoverageOf(OptionalTerms.Copyright));
        Assert.Equal(Coverage.Unknown, Profile("TUV", false, [], OffenceCategories.Terrorism).CoverageOf(OptionalTerms.Copyright));
    }

    [Fact]
    public void Declaration_TwoCategoriesForOneTerm_BothCited_AndCategoriesWithoutATermAreKeptApart()
    {
        var p = Profile("RUS", true, [], OffenceCategories.Extremism, OffenceCategories.IncitementToViolence, OffenceCategories.Gambling,
            OffenceCategories.Disinformation);
        Assert.Equal(Coverage.Declared, p.CoverageOf(OptionalTerms.IncitementToHatred));
        Assert.Equal([OffenceCategories.Extremism, OffenceCategories.IncitementToViolence], p.DeclaredFor(OptionalTerms.IncitementToHatred));
        Assert.Equal([OffenceCategories.Gambling, OffenceCategories.Disinformation], p.DeclaredOutsideTaxonomy);
        // A category with no term of its own never counts as coverage of a neighbouring term.
        Assert.All(OffenceTaxonomy.Current.Terms.Where(t => t.Code != OptionalTerms.IncitementToHatred),
            t => Assert.NotEqual(Coverage.Declared, p.CoverageOf(t.Code)));
    }

    [Fact]
    public void EveryDeclarableCategory_MapsToAnOptionalTermOrToNone()
    {
        foreach (var c in OffenceCategories.Optional)
            if (DeclaredCategories.TermFor(c) is { } term)
                Assert.Equal(TermKind.Optional, OffenceTaxonomy.Current[term].Kind);
        Assert.Equal(OptionalTerms.TerroristUse, DeclaredCategories.TermFor(OffenceCategories.Terrorism));
        Assert.Null(DeclaredCategories.TermFor(OffenceCategories.PrivacyViolation));
    }

    [Fact]
    public void Judge_DeclaredOnOneSide_ProvisionOnTheOther_IsCriminalInBoth_WithoutSeriousness()
    {
        var requesting = Profile("GBR", true, [Provision("GBR", OptionalTerms.TerroristUse, 168)]);
        var requested = Profile("EGY", true, [Provision("EGY", OffenceTerms.IllegalAccess, 36)], OffenceCategories.Terrorism);
        var j = DualCriminality.Judge([OptionalTerms.TerroristUse], requesting, requested);
        Assert.Equal(DualOutcome.CriminalInBoth, j.Outcome);
        Assert.Equal(Coverage.Covered, j.Requesting);
        Assert.Equal(Coverage.Declared, j.Requested);
        var t = Assert.Single(j.Terms);
        Assert.Equal(Coverage.Declared, t.Requested);
        Assert.Empty(t.RequestedEvidence);
        Assert.Equal([OffenceCategories.Terrorism], t.RequestedDeclared);
        // Declared counts as criminal but states no penalty: the four-year threshold cannot be judged.
        Assert.Null(j.SeriousInBoth);
        Assert.Null(t.SeriousInBoth);
    }

    [Fact]
    public void Judge_DeclaredSide_WithTheOtherSideBelowFourYears_IsNotSerious()
    {
        var j = DualCriminality.Judge([OptionalTerms.Copyright],
            Profile("FRA", true, [Provision("FRA", OptionalTerms.Copyright, 36)]), Profile("BRA", true, [], OffenceCategories.CopyrightInfringement));
        Assert.Equal(DualOutcome.CriminalInBoth, j.Outcome);
        Assert.False(j.SeriousInBoth);
    }

    [Fact]
    public void Judge_DeclaredOnlyInRequesting_AgainstRecordedLawsWithoutIt_IsOnlyInRequestingState()
    {
        var j = DualCriminality.Judge([OptionalTerms.TerroristUse],
            Profile("EGY", true, [], OffenceCategories.Terrorism), Profile("GBR", true, [Provision("GBR", OffenceTerms.IllegalAccess, 24)]));
        Assert.Equal(DualOutcome.OnlyInRequestingState, j.Outcome);
        Assert.Equal(Coverage.Declared, j.Requesting);
        Assert.Equal(Coverage.NotCovered, j.Requested);
    }

    [Fact]
    public void Judge_SeveralTerms_AProvisionAnywhereOutranksADeclaration()
    {
        var side = Profile("EGY", true, [Provision("EGY", OffenceTerms.IllegalAccess, 36)], OffenceCategories.Terrorism);
        var j = DualCriminality.Judge([OptionalTerms.TerroristUse, OffenceTerms.IllegalAccess], side, side);
        Assert.Equal(Coverage.Covered, j.Requesting);
        var declaredOnly = DualCriminality.Judge([OptionalTerms.TerroristUse, OptionalTerms.Copyright], side, side);
        Assert.Equal(Coverage.Declared, declaredOnly.Requesting);
        Assert.Equal(DualOutcome.CriminalInBoth, declaredOnly.Outcome);
    }

    [Fact]
    public void Gaps_DeclaredTerms_AreCountedApartFromTheEvidenced()
    {
        var profile = Profile("EGY", true, [Provision("EGY", OptionalTerms.Copyright, 24)],
            OffenceCategories.Terrorism, OffenceCategories.CopyrightInfringement, OffenceCategories.Gambling);
        var gaps = Gaps.Analyse(OffenceTaxonomy.Current, profile);
        var optional = gaps.Chapters.Single(c => c.Kind == TermKind.Optional);
        Assert.Equal(1, optional.Covered);
        Assert.Equal(1, optional.Declared);
        var terrorism = optional.Lines.Single(l => l.Term.Code == OptionalTerms.TerroristUse);
        Assert.Equal(Coverage.Declared, terrorism.Coverage);
        Assert.False(terrorism.PenaltyMissing);
        Assert.Equal([OffenceCategories.Terrorism], terrorism.Declared);
        Assert.Equal([OffenceCategories.Gambling], gaps.DeclaredOutsideTaxonomy);
        Assert.Equal(3, gaps.Declared.ProfileVersion);
        Assert.Equal(0, gaps.Chapters.Single(c => c.Kind == TermKind.Core).Declared);
    }
}
