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
