namespace Entraide.App.Notifications.Outbox;

/// <summary>
/// Wakes the dispatcher when new deliveries were committed. There are two lanes, each with its own
/// wake-up: the urgent lane takes only urgent jobs, so that an urgent notification never waits
/// behind a batch of ordinary ones already on their way.
/// </summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim _urgent = new(0, 1);
    private readonly SemaphoreSlim _normal = new(0, 1);
    private readonly SemaphoreSlim _live = new(0, 1);

    public void Wake()
    {
        Release(_urgent);
        Release(_normal);
    }

    /// <summary>Wakes the live feed: urgent inbox items were committed in this process (other processes find them by polling).</summary>
    public void WakeLive() => Release(_live);

    public Task<bool> WaitLiveAsync(TimeSpan timeout, CancellationToken ct) => _live.WaitAsync(timeout, ct);

    public Task<bool> WaitAsync(bool urgentLane, TimeSpan timeout, CancellationToken ct) =>
        (urgentLane ? _urgent : _normal).WaitAsync(timeout, ct);

    private static void Release(SemaphoreSlim s)
    {
        if (s.CurrentCount == 0)
        {
            try { s.Release(); } catch (SemaphoreFullException) { }
        }
    }
}
