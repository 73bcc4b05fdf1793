using Entraide.Domain.Common;

namespace Entraide.Domain.Cooperation;

/// <summary>
/// Art. 42: preserved data are kept at least 60 days, so that the requesting State can send its
/// request for the data; once that request is received they are kept until it is decided.
/// </summary>
public static class PreservationClock
{
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromDays(60);

    /// <summary>Art. 42: the requested State preserves for "a period of not less than 60 days".</summary>
    public const int MinimumDays = 60;

    /// <summary>
    /// The longest period Entraide records in one decision: a year. A longer hold is an extension, which
    /// the requesting State asks for and both sides see (the article sets no maximum; this keeps a typing
    /// slip of a digit from holding data for a decade).
    /// </summary>
    public const int MaximumDays = 365;
    public static readonly TimeSpan ExtensionPeriod = TimeSpan.FromDays(60);
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(10);

    /// <summary>
    /// The end of preservation for data preserved at <paramref name="executedAt"/> and extended
    /// <paramref name="extensions"/> times.
    /// </summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset executedAt, int extensions) => ExpiresAt(executedAt, extensions, null);

    /// <summary>
    /// The end of preservation for data preserved at <paramref name="executedAt"/> for the <paramref name="days"/> the
    /// requested State recorded (the article's 60 when it recorded none), extended <paramref name="extensions"/> times.
    /// </summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset executedAt, int extensions, int? days) =>
        executedAt + (days is { } d ? TimeSpan.FromDays(d) : MinimumPeriod) + ExtensionPeriod * Math.Max(0, extensions);

    /// <summary>The errors of a recorded period: none when it is within Art. 42's minimum and Entraide's maximum.</summary>
    public static IReadOnlyList<DomainError> CheckPeriod(int? days, string field = "preservationDays") => days switch
    {
        null => [DomainError.Required(field)],
        < MinimumDays => [new DomainError("preservation-period-too-short", field, "42")],
        > MaximumDays => [new DomainError("preservation-period-too-long", field)],
        _ => [],
    };

    public static DateTimeOffset RemindAt(DateTimeOffset expiresAt) => expiresAt - ReminderBefore;

    /// <summary>True when the reminder of a preservation ending at <paramref name="expiresAt"/> is due at <paramref name="now"/>.</summary>
    public static bool ReminderDue(DateTimeOffset now, DateTimeOffset expiresAt) => now >= RemindAt(expiresAt);

    /// <summary>
    /// True when the preservation no longer runs against its clock: a follow-up request for the data is pending.
    /// </summary>
    public static bool HeldByFollowUp(RequestStatus? followUpStatus) =>
        followUpStatus is { } s && s != RequestStatus.Draft && s != RequestStatus.Withdrawn && !RequestLifecycle.IsFinal(s);
}
