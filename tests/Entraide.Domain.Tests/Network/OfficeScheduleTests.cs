using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.Domain.Tests.Network;

public sealed class OfficeScheduleTests
{
    private static readonly OfficeSchedule Weekdays = OfficeSchedule.Parse("mon-fri 09:00-17:00");
    private static TimeZoneInfo Zone(string id) => TimeZones.Find(id)!;

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void IsOpenAt_ParisAcrossSpringChange_FollowsTheWallClock()
    {
        var paris = Zone("Europe/Paris");
        // 07:30 UTC is 08:30 in Paris before the last Sunday of March 2026 and 09:30 after it.
        Assert.False(Weekdays.IsOpenAt(Utc(2026, 3, 27, 7, 30), paris));
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 3, 30, 7, 30), paris));
    }

    [Fact]
    public void IsOpenAt_ParisAcrossAutumnChange_FollowsTheWallClock()
    {
        var paris = Zone("Europe/Paris");
        // 15:30 UTC is 17:30 in Paris before the last Sunday of October 2026 (closed) and 16:30 after it (open).
        Assert.False(Weekdays.IsOpenAt(Utc(2026, 10, 23, 15, 30), paris));
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 10, 26, 15, 30), paris));
    }

    [Fact]
    public void IsOpenAt_FakeClockWalkingThroughParisSpringNight_OpensAtNineLocal()
    {
        var paris = Zone("Europe/Paris");
        var schedule = OfficeSchedule.Parse("sun 02:30-04:00; mon 09:00-10:00");
        // 02:30 does not exist in Paris on 29 March 2026: clocks jump from 02:00 to 03:00.
        var clock = new FakeTimeProvider(Utc(2026, 3, 29, 0, 0));
        var open = new List<string>();
        for (var i = 0; i < 4 * 36; i++)
        {
            if (schedule.IsOpenAt(clock.GetUtcNow(), paris)) open.Add(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), paris).ToString("ddd HH:mm",
                System.Globalization.CultureInfo.InvariantCulture));
            clock.Advance(TimeSpan.FromMinutes(15));
        }
        // 01:00 UTC is 03:00 CEST: the office opens at the first existing local time within its slot.
        Assert.Equal(["Sun 03:00", "Sun 03:15", "Sun 03:30", "Sun 03:45", "Mon 09:00", "Mon 09:15", "Mon 09:30", "Mon 09:45"], open);
    }

    [Fact]
    public void IsOpenAt_SaoPaulo_NoLongerObservesSummerTime()
    {
        var saoPaulo = Zone("America/Sao_Paulo");
        // Brazil abolished daylight saving in 2019: 12:00 UTC is 09:00 local in January as in July.
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 1, 14, 12, 0), saoPaulo));
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 7, 15, 12, 0), saoPaulo));
        Assert.False(Weekdays.IsOpenAt(Utc(2026, 1, 14, 11, 59), saoPaulo));
    }

    [Fact]
    public void IsOpenAt_SydneyAcrossAprilChange_FollowsTheWallClock()
    {
        var sydney = Zone("Australia/Sydney");
        // 22:30 UTC Monday is 09:30 Tuesday under AEDT (UTC+11) but 08:30 under AEST (UTC+10, from 5 April 2026).
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 3, 30, 22, 30), sydney));
        Assert.False(Weekdays.IsOpenAt(Utc(2026, 4, 6, 22, 30), sydney));
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 4, 6, 23, 0), sydney));
    }

    [Fact]
    public void IsOpenAt_SydneyAcrossOctoberChange_FollowsTheWallClock()
    {
        var sydney = Zone("Australia/Sydney");
        // Daylight saving starts on 4 October 2026: 22:30 UTC Monday becomes 09:30 Tuesday rather than 08:30.
        Assert.False(Weekdays.IsOpenAt(Utc(2026, 9, 28, 22, 30), sydney));
        Assert.True(Weekdays.IsOpenAt(Utc(2026, 10, 5, 22, 30), sydney));
    }

    [Fact]
    public void IsOpenAt_NightShiftPastMidnight_CoversTheEarlyHoursOfTheNextDay()
    {
        var utc = TimeZoneInfo.Utc;
        var nights = OfficeSchedule.Parse("sat 22:00-06:00");
        Assert.True(nights.IsOpenAt(Utc(2026, 11, 28, 23, 0), utc));  // Saturday
        Assert.True(nights.IsOpenAt(Utc(2026, 11, 29, 5, 59), utc));  // Sunday
        Assert.False(nights.IsOpenAt(Utc(2026, 11, 29, 6, 0), utc));
        Assert.False(nights.IsOpenAt(Utc(2026, 11, 28, 21, 59), utc));
    }

    [Fact]
    public void Parse_RangeWrappingTheWeekend_ExpandsAndRoundTrips()
    {
        var s = OfficeSchedule.Parse("fri-mon 08:00-12:00; wed 14:00-18:30");
        Assert.Equal(5, s.Slots.Count);
        Assert.Equal("mon 08:00-12:00; wed 14:00-18:30; fri 08:00-12:00; sat 08:00-12:00; sun 08:00-12:00", s.ToString());
        Assert.Equal(s.ToString(), OfficeSchedule.Parse(s.ToString()).ToString());
    }

    [Theory]
    [InlineData("monday 09:00-17:00")]
    [InlineData("mon 9-17")]
    [InlineData("mon 09:00")]
    [InlineData("mon 25:00-26:00")]
    public void Parse_Malformed_NamesTheField(string text)
    {
        var ex = Assert.Throws<DomainException>(() => OfficeSchedule.Parse(text));
        Assert.Equal("officeHours", ex.Errors[0].Field);
    }

    [Fact]
    public void IsInOfficeAt_AroundTheClock_IsAlwaysTrue()
    {
        var point = AuthorityTests.Point() with { AroundTheClock = true, OfficeHours = OfficeSchedule.Empty };
        Assert.True(point.IsInOfficeAt(Utc(2026, 12, 25, 3, 0)));
    }
}
