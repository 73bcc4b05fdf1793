using Entraide.Domain.Cooperation;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class LocalTimeTests
{
    [Fact]
    public void IsOpen_ReadsTheOfficeHoursInTheOfficesOwnZone()
    {
        OfficeWindow[] hours = [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))];
        // Monday 2 March 2026, 12:30 UTC is 09:30 in São Paulo (UTC−3): open there, not at 11:00 UTC.
        var noon = new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero);
        Assert.True(LocalTime.IsOpen(noon, "America/Sao_Paulo", hours));
        Assert.False(LocalTime.IsOpen(noon.AddHours(-1.5), "America/Sao_Paulo", hours));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero),
            LocalTime.NextOpening(noon.AddHours(-1.5), "America/Sao_Paulo", hours).ToUniversalTime());
        Assert.True(LocalTime.IsOpen(noon, "Europe/Paris", []));
    }
}
