namespace Entraide.Domain.Cooperation;

/// <summary>A weekly opening window in a contact's own time zone.</summary>
public sealed record OfficeWindow(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>Times as each side reads them: in its own time zone, against its office hours.</summary>
public static class LocalTime
{
    /// <summary>The instant in <paramref name="timeZone"/> (IANA id); UTC when the zone is unknown.</summary>
    public static DateTimeOffset In(DateTimeOffset instant, string? timeZone)
    {
        if (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var tz)) return instant.ToUniversalTime();
        return TimeZoneInfo.ConvertTime(instant, tz);
    }

    /// <summary>True when the office is open at <paramref name="instant"/>; an office without hours is open around the clock.</summary>
    public static bool IsOpen(DateTimeOffset instant, string? timeZone, IReadOnlyList<OfficeWindow> hours)
    {
        if (hours.Count == 0) return true;
        var local = In(instant, timeZone);
        var t = TimeOnly.FromDateTime(local.DateTime);
        return hours.Any(h => h.Day == local.DayOfWeek && t >= h.Opens && t < h.Closes);
    }

    /// <summary>The next instant the office opens, at or after <paramref name="instant"/> (itself when open).</summary>
    public static DateTimeOffset NextOpening(DateTimeOffset instant, string? timeZone, IReadOnlyList<OfficeWindow> hours)
    {
        if (IsOpen(instant, timeZone, hours)) return instant;
        var local = In(instant, timeZone);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            foreach (var h in hours.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Opens))
            {
                var opening = new DateTimeOffset(date.ToDateTime(h.Opens), local.Offset);
                // Re-resolve the offset at the opening itself: it may differ across a daylight-saving change.
                if (timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var tz))
                    opening = new DateTimeOffset(date.ToDateTime(h.Opens), tz.GetUtcOffset(date.ToDateTime(h.Opens)));
                if (opening >= instant) return opening;
            }
        }
        return instant;
    }
}
