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

    /// <summary>
    /// The end of preservation for data preserved at <paramref name="executedAt"/> and extended
    /// <paramref name="extensions"/> times.
    /// </summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset executedAt, int extensions) =>
        executedAt + MinimumPeriod + ExtensionPeriod * Math.Max(0, extensions);

    public static DateTimeOffset RemindAt(DateTimeOffset expiresAt) => expiresAt - ReminderBefore;

    /// <summary>True when the reminder of a preservation ending at <paramref name="expiresAt"/> is due at <paramref name="now"/>.</summary>
    public static bool ReminderDue(DateTimeOffset now, DateTimeOffset expiresAt) => now >= RemindAt(expiresAt);

    /// <summary>
    /// True when the preservation no longer runs against its clock: a follow-up request for the data is pending.
    /// </summary>
    public static bool HeldByFollowUp(RequestStatus? followUpStatus) =>
        followUpStatus is { } s && s != RequestStatus.Draft && s != RequestStatus.Withdrawn && !RequestLifecycle.IsFinal(s);
}
