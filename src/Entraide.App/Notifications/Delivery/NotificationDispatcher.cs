using Entraide.App.Notifications.Outbox;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// Runs the <see cref="DeliveryWorker"/> right after each commit that enqueued deliveries, and every
/// few seconds for retries, in two lanes: one for urgent jobs only, one for all (urgent first).
/// Why this is hand-written rather than a job library: docs/decisions/notifications-hand-written-outbox-and-scheduler.md.
/// </summary>
public sealed partial class NotificationDispatcher(
    DeliveryWorker worker,
    NotificationSignal signal,
    IHostApplicationLifetime lifetime,
    IOptionsMonitor<NotificationSettings> settings,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CurrentValue.DispatcherEnabled) return;
        // The database is migrated by another hosted service: wait until the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try { await started.Task; } catch (OperationCanceledException) { return; }
        }
        await Task.WhenAll(LaneAsync(urgentLane: true, stoppingToken), LaneAsync(urgentLane: false, stoppingToken));
    }

    private async Task LaneAsync(bool urgentLane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunUntilIdleAsync(urgentLane, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
            }
            finally
            {
                worker.PassEnded();
            }
            try
            {
                await signal.WaitAsync(urgentLane, TimeSpan.FromSeconds(Math.Max(0.05, settings.CurrentValue.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification delivery pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}
