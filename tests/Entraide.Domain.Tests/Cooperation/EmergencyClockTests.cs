using Entraide.Domain.Cooperation;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class EmergencyClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MustEscalate_OnceAfterTheProfilesTime()
    {
        var clock = new FakeTimeProvider(Start);
        var due = EmergencyClock.AcknowledgeBy(clock.GetUtcNow(), TimeSpan.FromHours(4));
        clock.Advance(TimeSpan.FromHours(3));
        Assert.False(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, null, null));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, null, null));
        Assert.False(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, null, clock.GetUtcNow()));
        Assert.False(EmergencyClock.MustEscalate(clock.GetUtcNow(), due, Start.AddHours(1), null));
    }

    [Fact]
    public void AcknowledgeBy_WithoutAProfileTime_IsEightHours() => Assert.Equal(Start.AddHours(8), EmergencyClock.AcknowledgeBy(Start, null));
}
