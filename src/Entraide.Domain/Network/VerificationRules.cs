namespace Entraide.Domain.Network;

/// <summary>Where a point of contact stands in a verification round.</summary>
public enum CheckOutcome
{
    /// <summary>Sent, not yet acknowledged, and the time allowed has not run out.</summary>
    Pending,
    /// <summary>Acknowledged within the time allowed.</summary>
    Acknowledged,
    /// <summary>Acknowledged, but after the time allowed.</summary>
    Late,
    /// <summary>Not acknowledged and the time allowed has run out: flagged on the register.</summary>
    Unanswered,
}

/// <summary>
/// One verification message to one point of contact: sent at a moment, due by a deadline, perhaps
/// acknowledged. The outcome is computed from the clock, so a point becomes unanswered the moment
/// its deadline passes, without a job having to run.
/// </summary>
public sealed record CheckTimes(DateTimeOffset SentAt, DateTimeOffset DueBy, DateTimeOffset? AcknowledgedAt)
{
    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - SentAt;

    public CheckOutcome OutcomeAt(DateTimeOffset now) => AcknowledgedAt switch
    {
        { } at when at <= DueBy => CheckOutcome.Acknowledged,
        not null => CheckOutcome.Late,
        null when now >= DueBy => CheckOutcome.Unanswered,
        _ => CheckOutcome.Pending,
    };
}

/// <summary>How a round went: how many points answered, and how fast.</summary>
public sealed record RoundSummary(
    int Sent,
    int Acknowledged,
    int WithinOneHour,
    int WithinOneDay,
    int Late,
    int Pending,
    int Unanswered,
    TimeSpan? MedianTimeToAcknowledge)
{
    public double ShareWithinOneHour => Sent == 0 ? 0 : (double)WithinOneHour / Sent;
    public double ShareWithinOneDay => Sent == 0 ? 0 : (double)WithinOneDay / Sent;

    public static RoundSummary Of(IReadOnlyCollection<CheckTimes> checks, DateTimeOffset now)
    {
        var times = checks.Where(c => c.AcknowledgedAt is not null).Select(c => c.TimeToAcknowledge!.Value).Order().ToList();
        var outcomes = checks.Select(c => c.OutcomeAt(now)).ToList();
        TimeSpan? median = times.Count == 0 ? null
            : times.Count % 2 == 1 ? times[times.Count / 2]
            : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        return new RoundSummary(
            checks.Count,
            times.Count,
            times.Count(t => t <= TimeSpan.FromHours(1)),
            times.Count(t => t <= TimeSpan.FromHours(24)),
            outcomes.Count(o => o == CheckOutcome.Late),
            outcomes.Count(o => o == CheckOutcome.Pending),
            outcomes.Count(o => o == CheckOutcome.Unanswered),
            median);
    }
}

public static class VerificationRules
{
    public static readonly TimeSpan DefaultResponseTime = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinimumResponseTime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaximumResponseTime = TimeSpan.FromDays(14);

    /// <summary>
    /// The time allowed to acknowledge, from hours as typed (none: the default), rounded to the minute.
    /// The range is checked on the number itself, before any conversion a huge value would overflow.
    /// </summary>
    public static TimeSpan? ResponseTime(double? hours, ICollection<Common.DomainError> errors)
    {
        if (hours is not { } h) return DefaultResponseTime;
        if (!double.IsFinite(h) || h < MinimumResponseTime.TotalHours || h > MaximumResponseTime.TotalHours)
        {
            errors.Add(new Common.DomainError("response-time-range", "responseHours"));
            return null;
        }
        return TimeSpan.FromMinutes(Math.Round(h * 60));
    }
}
