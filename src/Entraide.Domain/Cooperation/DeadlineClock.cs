namespace Entraide.Domain.Cooperation;

/// <summary>Where a request stands against the deadline its requester gave.</summary>
public enum DeadlineState
{
    None,
    OnTime,
    DueSoon,
    Overdue,
    Met,
}

/// <summary>The deadline a requesting State gives (Art. 40: with its reasons), as both sides' inboxes show it.</summary>
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
