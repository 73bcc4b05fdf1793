using Entraide.App.Infrastructure.ScaleOut;

namespace Entraide.App.Cooperation.Clocks;

/// <summary>
/// Runs the <see cref="ClockSweep"/> on a timer driven by the injected <see cref="TimeProvider"/>, on the one
/// instance that holds the <see cref="BackgroundLease"/> (every instance keeps the timer; the others skip the tick).
/// </summary>
public sealed partial class CooperationClocks(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    BackgroundLease lease, ILogger<CooperationClocks> logger) : BackgroundService
{
    private TaskCompletionSource<SweepResult> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(configuration.GetValue("Cooperation:ClockIntervalSeconds", 60));

    /// <summary>Completes when the next sweep has run (for tests driving the clock).</summary>
    public Task<SweepResult> NextSweep => Volatile.Read(ref _next).Task;

    private PeriodicTimer? _timer;

    // The timer starts with the service, not when ExecuteAsync gets a thread, so the first tick is
    // due exactly one interval after start (a fake clock advanced right after start fires it).
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(Interval, clock);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer!;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Off the thread that moved the clock: a clock advanced by many intervals at once fires
                // one tick per interval, and each sweep must not run inside that loop.
                await Task.Yield();
                if (!lease.IsHeld) continue;
                SweepResult? result = null;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    result = await scope.ServiceProvider.GetRequiredService<ClockSweep>().RunAsync(clock.GetUtcNow(), stoppingToken);
                    if (result.Escalated + result.Reminded + result.Overdue > 0) LogSwept(logger, result.Escalated, result.Reminded, result.Overdue);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed pass is retried at the next tick; nothing was half-written (one save per pass).
                    LogSweepFailed(logger, ex);
                }
                var done = Interlocked.Exchange(ref _next, new TaskCompletionSource<SweepResult>(TaskCreationOptions.RunContinuationsAsynchronously));
                if (result is not null) done.TrySetResult(result); else done.TrySetException(new InvalidOperationException("Clock sweep failed."));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cooperation clocks: {Escalated} escalated, {Reminded} preservation reminders, {Overdue} overdue")]
    private static partial void LogSwept(ILogger logger, int escalated, int reminded, int overdue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cooperation clock sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
