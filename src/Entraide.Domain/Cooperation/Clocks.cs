namespace Entraide.Domain.Cooperation;

/// <summary>
/// Art. 42: preserved data are kept at least 60 days, so that the requesting State can send its
/// request for the data; once that request is received they are kept until it is decided.
/// </summary>
public static class PreservationClock
{
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromDays(60);
    public static readonly TimeSpan ExtensionPeriod = TimeSpan.FromDays(60);
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(10);

    /// <summary>The end of preservation for data preserved at <paramref name="executedAt"/> and extended <paramref name="extensions"/> times.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset executedAt, int extensions) =>
        executedAt + MinimumPeriod + ExtensionPeriod * Math.Max(0, extensions);

    public static DateTimeOffset RemindAt(DateTimeOffset expiresAt) => expiresAt - ReminderBefore;

    /// <summary>True when the preservation no longer runs against its clock: a follow-up request for the data is pending.</summary>
    public static bool HeldByFollowUp(RequestStatus? followUpStatus) =>
        followUpStatus is { } s && s != RequestStatus.Draft && s != RequestStatus.Withdrawn && !RequestLifecycle.IsFinal(s);
}

/// <summary>
/// Emergency requests must be acknowledged within the time the requested State's profile sets
/// (8 hours by default); past it, the State's other 24/7 contacts are alerted.
/// </summary>
public static class EmergencyClock
{
    public static readonly TimeSpan DefaultAcknowledgement = TimeSpan.FromHours(8);

    public static DateTimeOffset AcknowledgeBy(DateTimeOffset submittedAt, TimeSpan? profileTime) =>
        submittedAt + (profileTime is { } t && t > TimeSpan.Zero ? t : DefaultAcknowledgement);

    public static bool MustEscalate(DateTimeOffset now, DateTimeOffset acknowledgeBy, DateTimeOffset? acknowledgedAt, DateTimeOffset? escalatedAt) =>
        acknowledgedAt is null && escalatedAt is null && now >= acknowledgeBy;
}

/// <summary>Where a request stands against the deadline its requester gave.</summary>
public enum DeadlineState
{
    None,
    OnTime,
    DueSoon,
    Overdue,
    Met,
}

public static class DeadlineClock
{
    /// <summary>Urgent requests are "due soon" a day ahead, others a week ahead.</summary>
    public static TimeSpan DueSoonWindow(bool urgent) => urgent ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);

    public static DeadlineState StateAt(DateTimeOffset now, DateTimeOffset? deadline, RequestStatus status, bool urgent)
    {
        if (deadline is not { } d) return DeadlineState.None;
        if (RequestLifecycle.IsFinal(status)) return DeadlineState.Met;
        if (now > d) return DeadlineState.Overdue;
        return now >= d - DueSoonWindow(urgent) ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }
}

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
