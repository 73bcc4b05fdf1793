using Entraide.Domain.Cooperation;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class DeadlineClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StateAt_DueSoonThenOverdue_AndMetOnceFinal()
    {
        var deadline = Start.AddDays(10);
        Assert.Equal(DeadlineState.OnTime, DeadlineClock.StateAt(Start, deadline, RequestStatus.UnderAssessment, false));
        Assert.Equal(DeadlineState.DueSoon, DeadlineClock.StateAt(Start.AddDays(4), deadline, RequestStatus.UnderAssessment, false));
        Assert.Equal(DeadlineState.OnTime, DeadlineClock.StateAt(Start.AddDays(4), deadline, RequestStatus.UnderAssessment, true));
        Assert.Equal(DeadlineState.Overdue, DeadlineClock.StateAt(Start.AddDays(11), deadline, RequestStatus.UnderAssessment, false));
        Assert.Equal(DeadlineState.Met, DeadlineClock.StateAt(Start.AddDays(11), deadline, RequestStatus.Executed, false));
        Assert.Equal(DeadlineState.None, DeadlineClock.StateAt(Start, null, RequestStatus.UnderAssessment, false));
    }
}
