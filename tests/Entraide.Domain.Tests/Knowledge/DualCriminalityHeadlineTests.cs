using CsCheck;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Knowledge;

using Evidence = Entraide.Domain.Knowledge.Evidence;

/// <summary>
/// Properties of the dual-criminality headline over any pair of States and any set of conducts: the
/// headline never contradicts the rows it sums up.
/// </summary>
public sealed class DualCriminalityHeadlineTests
{
    private static readonly DateOnly On = new(2026, 11, 26);

    private static readonly string[] Terms = [.. OffenceTaxonomy.Current.Terms.Where(t => t.Kind != TermKind.Procedural).Select(t => t.Code)];

    /// <summary>A State as the check may meet it: some provisions (with or without a penalty), declarations both ways, or nothing recorded.</summary>
    private static Gen<CriminalisationProfile> State(string code) =>
        Gen.Select(
            Gen.Bool,
            Gen.OneOf(Terms).Select(Gen.Int[0, 240].Nullable(), (t, m) => new Evidence(Guid.CreateVersion7(), code, "art. " + t, t,
                new PenaltyRange(null, m))).Array[0, 6],
            Gen.OneOf([.. OffenceCategories.Optional]).Array[0, 3],
            Gen.OneOf([.. OffenceCategories.Optional]).Array[0, 3],
            (recorded, evidence, declared, refused) => new CriminalisationProfile(code, On, recorded || evidence.Length > 0, evidence,
                new DeclaredProfile(code, declared) { NotCriminalised = refused }));

    private static readonly Gen<(CriminalisationProfile A, CriminalisationProfile B, string[] Conduct)> Cases =
        Gen.Select(State("AAA"), State("BBB"), Gen.OneOf(Terms).Array[1, 5]);

    [Fact]
    public void Judge_Headline_IsCriminalInBothExactlyWhenEveryConductIs() =>
        Cases.Sample(c =>
        {
            var j = DualCriminality.Judge(c.Conduct, c.A, c.B);
            return (j.Outcome == DualOutcome.CriminalInBoth) == j.Terms.All(t => t.Outcome == DualOutcome.CriminalInBoth);
        });

    [Fact]
    public void Judge_Headline_IsARefusalExactlyWhenAConductIsRefused_AndUnknownOtherwise() =>
        Cases.Sample(c =>
        {
            var j = DualCriminality.Judge(c.Conduct, c.A, c.B);
            var anyRefused = j.Terms.Any(t => DualCriminality.IsRefusal(t.Outcome));
            if (anyRefused != DualCriminality.IsRefusal(j.Outcome)) return false;
            // A refusal headline names a refusal some row gives (or several differing ones).
            if (anyRefused && j.Outcome != DualOutcome.NotInBoth && !j.Terms.Any(t => t.Outcome == j.Outcome)) return false;
            var anyNotBoth = j.Terms.Any(t => t.Outcome != DualOutcome.CriminalInBoth);
            return j.Outcome != DualOutcome.Unknown || (!anyRefused && anyNotBoth);
        });

    [Fact]
    public void Judge_SeriousnessAndPenaltyLine_OnlyWhereTheRowsBackThem() =>
        Cases.Sample(c =>
        {
            var j = DualCriminality.Judge(c.Conduct, c.A, c.B);
            if (j.Outcome != DualOutcome.CriminalInBoth && j.SeriousInBoth is not null) return false;
            // The cited penalty is a provision of that side among the rows' evidence, and the heaviest one.
            var cited = j.RequestingPenalty;
            var evidence = j.Terms.SelectMany(t => t.RequestingEvidence).ToList();
            if (cited is null) return evidence.All(e => e.Penalty.MaxMonths is null);
            return evidence.Contains(cited) && evidence.All(e => e.Penalty.MaxMonths is null || e.Penalty.MaxMonths <= cited.Penalty.MaxMonths);
        });

    [Fact]
    public void Judge_NoSilenceOfTheRecordedLaws_IsReadAsNotCriminal() =>
        Cases.Sample(c =>
        {
            var j = DualCriminality.Judge(c.Conduct, c.A, c.B);
            // Every refusal rests on a State's declaration that it does not criminalise the conduct.
            return j.Terms.Where(t => DualCriminality.IsRefusal(t.Outcome))
                .All(t => t.Requesting == Coverage.DeclaredNotCriminalised || t.Requested == Coverage.DeclaredNotCriminalised);
        });
}
