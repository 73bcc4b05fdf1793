using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Knowledge;

using Evidence = Entraide.Domain.Knowledge.Evidence;

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
    public void CoverageOf_UndeclaredTerm_StaysNoProvisionRecordedOrUnknown()
    {
        Assert.Equal(Coverage.NoProvisionRecorded, Profile("FRA", true, [Provision("FRA", OffenceTerms.IllegalAccess, 36)],
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
    public void Judge_DeclaredOnlyInRequesting_AgainstRecordedLawsWithoutIt_IsUnknown()
    {
        var j = DualCriminality.Judge([OptionalTerms.TerroristUse],
            Profile("EGY", true, [], OffenceCategories.Terrorism), Profile("GBR", true, [Provision("GBR", OffenceTerms.IllegalAccess, 24)]));
        Assert.Equal(DualOutcome.Unknown, j.Outcome);
        Assert.Equal(Coverage.Declared, j.Requesting);
        Assert.Equal(Coverage.NoProvisionRecorded, j.Requested);
    }

    [Fact]
    public void Judge_SeveralTerms_AProvisionAnywhereOutranksADeclaration()
    {
        var side = Profile("EGY", true, [Provision("EGY", OffenceTerms.IllegalAccess, 36)], OffenceCategories.Terrorism);
        var j = DualCriminality.Judge([OptionalTerms.TerroristUse, OffenceTerms.IllegalAccess], side, side);
        Assert.Equal(Coverage.Covered, j.Requesting);
        var declaredOnly = DualCriminality.Judge([OptionalTerms.TerroristUse], side, side);
        Assert.Equal(Coverage.Declared, declaredOnly.Requesting);
        Assert.Equal(DualOutcome.CriminalInBoth, declaredOnly.Outcome);
        // A second conduct with no provision recorded makes the whole answer unknown, never "criminal in both".
        var withSilence = DualCriminality.Judge([OptionalTerms.TerroristUse, OptionalTerms.Copyright], side, side);
        Assert.Equal(Coverage.NoProvisionRecorded, withSilence.Requesting);
        Assert.Equal(DualOutcome.Unknown, withSilence.Outcome);
    }

    private static CriminalisationProfile Refusing(string state, bool recorded, IEnumerable<Evidence> evidence, params string[] refused) =>
        new(state, On, recorded, evidence, new DeclaredProfile(state, [], ProfileVersion: 4) { NotCriminalised = refused });

    [Fact]
    public void CoverageOf_DeclaredNotCriminalised_IsDistinctFromNoProvisionRecorded()
    {
        var p = Refusing("GBR", true, [Provision("GBR", OffenceTerms.IllegalAccess, 24)], OffenceCategories.Extremism);
        Assert.Equal(Coverage.DeclaredNotCriminalised, p.CoverageOf(OptionalTerms.IncitementToHatred));
        Assert.Equal([OffenceCategories.Extremism], p.DeclaredNotCriminalisedFor(OptionalTerms.IncitementToHatred));
        Assert.Equal(Coverage.NoProvisionRecorded, p.CoverageOf(OptionalTerms.Copyright));
        // A State with no legislation recorded can still declare; the rest stays unknown.
        var none = Refusing("TUV", false, [], OffenceCategories.CopyrightInfringement);
        Assert.Equal(Coverage.DeclaredNotCriminalised, none.CoverageOf(OptionalTerms.Copyright));
        Assert.Equal(Coverage.Unknown, none.CoverageOf(OptionalTerms.TerroristUse));
    }

    [Fact]
    public void CoverageOf_AProvisionOrAPositiveDeclaration_OutranksADeclarationOfNotCriminalising()
    {
        var p = new CriminalisationProfile("GBR", On, true, [Provision("GBR", OptionalTerms.Copyright, 120)],
            new DeclaredProfile("GBR", [OffenceCategories.Extremism])
            {
                NotCriminalised = [OffenceCategories.CopyrightInfringement, OffenceCategories.IncitementToViolence, OffenceCategories.Extremism],
            });
        Assert.Equal(Coverage.Covered, p.CoverageOf(OptionalTerms.Copyright));
        Assert.Equal(Coverage.Declared, p.CoverageOf(OptionalTerms.IncitementToHatred));
    }

    [Fact]
    public void Judge_CriminalHereDeclaredNotCriminalisedThere_IsOnlyInOneState_AndTheHeadlineSaysNotMet()
    {
        var egy = Profile("EGY", true, [Provision("EGY", OptionalTerms.IncitementToHatred, 60), Provision("EGY", OffenceTerms.IllegalAccess, 36)]);
        var gbr = Refusing("GBR", true, [Provision("GBR", OffenceTerms.IllegalAccess, 24)], OffenceCategories.Extremism);
        var j = DualCriminality.Judge([OffenceTerms.IllegalAccess, OptionalTerms.IncitementToHatred], egy, gbr);
        Assert.Equal(DualOutcome.CriminalInBoth, j.Terms.Single(t => t.Term == OffenceTerms.IllegalAccess).Outcome);
        var incitement = j.Terms.Single(t => t.Term == OptionalTerms.IncitementToHatred);
        Assert.Equal(DualOutcome.OnlyInRequestingState, incitement.Outcome);
        Assert.Equal([OffenceCategories.Extremism], incitement.RequestedDeclaredNot);
        Assert.Equal(DualOutcome.OnlyInRequestingState, j.Outcome);
        Assert.Null(j.SeriousInBoth);
        Assert.Equal(DualOutcome.OnlyInRequestedState, DualCriminality.Judge([OptionalTerms.IncitementToHatred], gbr, egy).Outcome);
    }

    [Fact]
    public void Judge_ARefusalOutranksAnUnknownConduct_AndDifferentRefusalsAreNotInBoth()
    {
        var egy = Profile("EGY", true, [Provision("EGY", OptionalTerms.IncitementToHatred, 60)]);
        var gbr = Refusing("GBR", true, [Provision("GBR", OptionalTerms.Copyright, 24)], OffenceCategories.Extremism);
        Assert.Equal(DualOutcome.OnlyInRequestingState,
            DualCriminality.Judge([OptionalTerms.IncitementToHatred, OptionalTerms.TerroristUse], egy, gbr).Outcome);
        var both = Refusing("EGY", true, [Provision("EGY", OptionalTerms.IncitementToHatred, 60)], OffenceCategories.CopyrightInfringement);
        Assert.Equal(DualOutcome.NotInBoth, DualCriminality.Judge([OptionalTerms.IncitementToHatred, OptionalTerms.Copyright], both, gbr).Outcome);
        Assert.Equal(DualOutcome.DeclaredNotCriminalised,
            DualCriminality.Judge([OptionalTerms.IncitementToHatred], Unrecorded("TUV"), gbr).Outcome);
    }

    private static CriminalisationProfile Unrecorded(string state) => new(state, On, false, []);

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
