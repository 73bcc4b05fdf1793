using Entraide.Domain.Cooperation;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class ClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Preservation_LastsSixtyDaysFromExecution_AndEachExtensionAddsSixty()
    {
        Assert.Equal(Start.AddDays(60), PreservationClock.ExpiresAt(Start, 0));
        Assert.Equal(Start.AddDays(120), PreservationClock.ExpiresAt(Start, 1));
        Assert.Equal(Start.AddDays(50), PreservationClock.RemindAt(PreservationClock.ExpiresAt(Start, 0)));
    }

    [Fact]
    public void Preservation_IsHeldWhileTheFollowUpIsPending()
    {
        Assert.True(PreservationClock.HeldByFollowUp(RequestStatus.UnderAssessment));
        Assert.False(PreservationClock.HeldByFollowUp(RequestStatus.Draft));
        Assert.False(PreservationClock.HeldByFollowUp(RequestStatus.Executed));
        Assert.False(PreservationClock.HeldByFollowUp(null));
    }

    [Fact]
    public void Emergency_EscalatesOnceAfterTheProfilesTime()
    {
        var clock = new FakeTimeProvider(Start);
        var due = EmergencyClock.AcknowledgeBy(clock.GetUtcNow(), TimeSpan.FromHours(4));
        clock.Advance(TimeSpan.FromHours(3));
        Assert.False(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, null, null));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, null, null));
        Assert.False(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, null, clock.GetUtcNow()));
        Assert.False(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, Start.AddHours(1), null));
        Assert.Equal(Start.AddHours(8), EmergencyClock.AcknowledgeBy(Start, null));
    }

    [Fact]
    public void Deadline_DueSoonThenOverdue_AndMetOnceFinal()
    {
        var deadline = Start.AddDays(10);
        Assert.Equal(DeadlineState.OnTime, DeadlineClock.StateAt(Start, deadline, RequestStatus.UnderAssessment, false));
        Assert.Equal(DeadlineState.DueSoon, DeadlineClock.StateAt(Start.AddDays(4), deadline, RequestStatus.UnderAssessment, false));
        Assert.Equal(DeadlineState.OnTime, DeadlineClock.StateAt(Start.AddDays(4), deadline, RequestStatus.UnderAssessment, true));
        Assert.Equal(DeadlineState.Overdue, DeadlineClock.StateAt(Start.AddDays(11), deadline, RequestStatus.UnderAssessment, false));
        Assert.Equal(DeadlineState.Met, DeadlineClock.StateAt(Start.AddDays(11), deadline, RequestStatus.Executed, false));
    }

    [Fact]
    public void OfficeHours_AreReadInTheOfficesOwnZone()
    {
        OfficeWindow[] hours = [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))];
        // Monday 2 March 2026, 12:30 UTC is 09:30 in São Paulo (UTC−3): open there, not at 11:00 UTC.
        var noon = new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero);
        Assert.True(LocalTime.IsOpen(noon, "America/Sao_Paulo", hours));
        Assert.False(LocalTime.IsOpen(noon.AddHours(-1.5), "America/Sao_Paulo", hours));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), LocalTime.NextOpening(noon.AddHours(-1.5), "America/Sao_Paulo", hours).ToUniversalTime());
        Assert.True(LocalTime.IsOpen(noon, "Europe/Paris", []));
    }
}
