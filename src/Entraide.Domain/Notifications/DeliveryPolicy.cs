namespace Entraide.Domain.Notifications;

/// <summary>
/// When a failed delivery is tried again. The waits grow so that a receiver that is down for an hour
/// is not hammered, and the last attempt still falls within a day, while the notification matters.
/// </summary>
public static class DeliveryPolicy
{
    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
    ];

    /// <summary>Attempts in all, the first included.</summary>
    public static int MaxAttempts => Waits.Length + 1;

    /// <summary>When to try again after <paramref name="attemptsMade"/> failed attempts; null when it is time to give up.</summary>
    public static DateTimeOffset? NextAttempt(int attemptsMade, DateTimeOffset now)
    {
        if (attemptsMade < 1) return now;
        if (attemptsMade >= MaxAttempts) return null;
        return now + Waits[attemptsMade - 1];
    }

    /// <summary>
    /// Where a job stands after its <paramref name="attemptsMade"/>-th attempt came out as
    /// <paramref name="outcome"/>: done (delivered, skipped or failed for good), or pending until the
    /// next attempt, the last one included.
    /// </summary>
    public static (string Status, DateTimeOffset? NextAttemptAt) After(int attemptsMade, DeliveryOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Skipped) return (DeliveryStatus.Skipped, null);
        if (outcome.Succeeded) return (DeliveryStatus.Delivered, null);
        if (outcome.Retry && NextAttempt(attemptsMade, now) is { } next) return (DeliveryStatus.Pending, next);
        return (DeliveryStatus.Failed, null);
    }

    /// <summary>
    /// Whether an HTTP status is worth retrying: server errors, throttling and timeouts are passing;
    /// other client errors (a wrong URL, a refused signature) will not mend themselves.
    /// </summary>
    public static bool IsTransient(int httpStatus) =>
        httpStatus >= 500 || httpStatus is 408 or 425 or 429;
}
