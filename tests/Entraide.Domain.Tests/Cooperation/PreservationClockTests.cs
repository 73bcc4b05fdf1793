using Entraide.Domain.Cooperation;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class PreservationClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ExpiresAt_SixtyDaysFromExecution_AndEachExtensionAddsSixty()
    {
        Assert.Equal(Start.AddDays(60), PreservationClock.ExpiresAt(Start, 0));
        Assert.Equal(Start.AddDays(120), PreservationClock.ExpiresAt(Start, 1));
        Assert.Equal(Start.AddDays(50), PreservationClock.RemindAt(PreservationClock.ExpiresAt(Start, 0)));
    }

    [Fact]
    public void ExpiresAt_RecordedPeriod_ReplacesTheArticlesSixtyDays()
    {
        Assert.Equal(Start.AddDays(90), PreservationClock.ExpiresAt(Start, 0, 90));
        Assert.Equal(Start.AddDays(150), PreservationClock.ExpiresAt(Start, 1, 90));
        Assert.Equal(Start.AddDays(60), PreservationClock.ExpiresAt(Start, 0, null));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(365)]
    public void CheckPeriod_FromTheArticlesMinimumToAYear_IsAccepted(int days) => Assert.Empty(PreservationClock.CheckPeriod(days));

    [Theory]
    [InlineData(null, "required", null)]
    [InlineData(59, "preservation-period-too-short", "42")]
    [InlineData(0, "preservation-period-too-short", "42")]
    [InlineData(-90, "preservation-period-too-short", "42")]
    [InlineData(366, "preservation-period-too-long", null)]
    public void CheckPeriod_OutsideTheBounds_IsRefusedOnTheField(int? days, string code, string? article)
    {
        var e = Assert.Single(PreservationClock.CheckPeriod(days));
        Assert.Equal(code, e.Code);
        Assert.Equal("preservationDays", e.Field);
        Assert.Equal(article, e.Article);
    }

    [Fact]
    public void ReminderDue_FromTenDaysBeforeTheEnd()
    {
        var end = PreservationClock.ExpiresAt(Start, 0);
        Assert.False(PreservationClock.ReminderDue(end.AddDays(-10).AddSeconds(-1), end));
        Assert.True(PreservationClock.ReminderDue(end.AddDays(-10), end));
    }

    [Fact]
    public void HeldByFollowUp_WhileTheFollowUpIsPending()
    {
        Assert.True(PreservationClock.HeldByFollowUp(RequestStatus.UnderAssessment));
        Assert.False(PreservationClock.HeldByFollowUp(RequestStatus.Draft));
        Assert.False(PreservationClock.HeldByFollowUp(RequestStatus.Executed));
        Assert.False(PreservationClock.HeldByFollowUp(null));
    }
}
