namespace Entraide.App.Cooperation.Live;

/// <summary>
/// Wakes the open live streams of this process when an emergency request changed (acknowledged, withdrawn, closed), so that
/// a banner on a colleague's page clears at once; streams also look again every few seconds
/// (<c>Cooperation:LiveRecheckSeconds</c>) for changes made by another process.
/// </summary>
public sealed class EmergencyChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change; take it before reading the state it guards, so that no change is missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Changed() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
