namespace Entraide.Domain.Notifications;

/// <summary>The channels through which a notification leaves Entraide.</summary>
public static class DeliveryChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}

/// <summary>Where a delivery job stands.</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Gave up after the last attempt, or the receiver refused for good.</summary>
    public const string Failed = "failed";
    /// <summary>Nothing to do: no mail server configured, no address, or the subscription was switched off.</summary>
    public const string Skipped = "skipped";
}

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
    /// Whether an HTTP status is worth retrying: server errors, throttling and timeouts are passing;
    /// other client errors (a wrong URL, a refused signature) will not mend themselves.
    /// </summary>
    public static bool IsTransient(int httpStatus) =>
        httpStatus >= 500 || httpStatus is 408 or 425 or 429;
}
