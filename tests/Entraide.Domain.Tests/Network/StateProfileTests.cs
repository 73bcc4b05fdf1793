using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Network;

public sealed class StateProfileTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static IEnumerable<string> Codes(ProfileDetails p) => p.Validate(Today).Select(e => e.Code + ":" + e.Field);

    [Fact]
    public void Default_AcceptsEnglishFrenchSpanish_WithEightHourAcknowledgement()
    {
        var d = ProfileDetails.Default.Declarations;
        Assert.Equal(["en", "fr", "es"], d.AcceptedLanguages);
        Assert.Equal(8, d.EmergencyAcknowledgementHours);
        Assert.False(d.RequiresDualCriminality);
        Assert.Empty(ProfileDetails.Default.Validate(Today));
    }

    [Fact]
    public void Validate_PartyWithoutRatification_NamesArticle64()
    {
        var p = ProfileDetails.Default with { Status = ConventionStatus.Party, SignedOn = new(2025, 10, 25) };
        var e = Assert.Single(p.Validate(Today));
        Assert.Equal(("required", "ratifiedOn", "64"), (e.Code, e.Field, e.Article));
    }

    [Fact]
    public void Validate_DatesOutOfOrderOrInFuture_AreRefused()
    {
        var p = ProfileDetails.Default with { Status = ConventionStatus.Party, SignedOn = new(2026, 5, 1), RatifiedOn = new(2026, 4, 1) };
        Assert.Contains("ratified-before-signed:ratifiedOn", Codes(p));
        var future = p with { RatifiedOn = Today.AddDays(1) };
        Assert.Contains("date-in-future:ratifiedOn", Codes(future));
    }

    [Fact]
    public void Validate_SignatoryWithRatificationDate_IsInconsistent()
    {
        var p = ProfileDetails.Default with { Status = ConventionStatus.Signatory, SignedOn = new(2025, 10, 25), RatifiedOn = new(2026, 1, 1) };
        Assert.Contains("ratified-not-party:ratifiedOn", Codes(p));
    }

    [Fact]
    public void Validate_CoreOffenceDeclaredPolitical_IsRefused()
    {
        var p = ProfileDetails.Default with { Declarations = Declarations.Default with { PoliticalOffenceTerms = [OffenceTerms.IllegalAccess] } };
        Assert.Contains("core-offence-political:politicalOffenceTerms", Codes(p));
    }

    [Fact]
    public void Validate_OptionalCategoriesAndLanguages_MustBeKnown()
    {
        var p = ProfileDetails.Default with
        {
            Declarations = Declarations.Default with
            {
                CriminalisedOptionalCategories = [OffenceCategories.Extremism, "jaywalking"],
                AcceptedLanguages = [],
                EmergencyAcknowledgementHours = 0,
            },
        };
        var codes = Codes(p).ToList();
        Assert.Contains("unknown-offence-term:criminalisedOptionalCategories", codes);
        Assert.Contains("required:acceptedLanguages", codes);
        Assert.Contains("acknowledgement-hours-range:emergencyAcknowledgementHours", codes);
    }

    [Fact]
    public void ProfileReview_TwelveMonthsAfterUpdate_IsOverdue()
    {
        var updated = new DateTimeOffset(2025, 11, 26, 10, 0, 0, TimeSpan.Zero);
        Assert.False(ProfileReview.IsOverdue(updated, updated.AddMonths(12).AddSeconds(-1)));
        Assert.True(ProfileReview.IsOverdue(updated, updated.AddMonths(12)));
    }
}
