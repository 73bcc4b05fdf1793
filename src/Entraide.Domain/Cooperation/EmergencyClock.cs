namespace Entraide.Domain.Cooperation;

/// <summary>
/// Emergency requests must be acknowledged within the time the requested State's profile sets
/// (8 hours by default); past it, the State's other 24/7 contacts are alerted.
/// </summary>
public static class EmergencyClock
{
    public static readonly TimeSpan DefaultAcknowledgement = TimeSpan.FromHours(8);

    public static DateTimeOffset AcknowledgeBy(DateTimeOffset submittedAt, TimeSpan? profileTime) =>
        submittedAt + (profileTime is { } t && t > TimeSpan.Zero ? t : DefaultAcknowledgement);

    public static bool MustEscalate(DateTimeOffset now, DateTimeOffset acknowledgeBy, DateTimeOffset? acknowledgedAt,
        DateTimeOffset? escalatedAt) =>
        acknowledgedAt is null && escalatedAt is null && now >= acknowledgeBy;
}
