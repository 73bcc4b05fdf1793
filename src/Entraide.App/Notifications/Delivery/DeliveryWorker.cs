using System.Collections.Concurrent;
using System.Diagnostics;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// The delivery pass: claims due jobs (urgent first) with a lease, so that two dispatchers (two
/// server processes, or a pass run by hand) never send the same job at once, sends them a few at a
/// time, and records each attempt. A failed attempt is retried on the <see cref="DeliveryPolicy"/>
/// schedule.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<NotificationSettings> settings,
    ILogger<DeliveryWorker> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private TaskCompletionSource _pass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next pass of the dispatcher ends (tests and benchmarks await it rather than sleep).</summary>
    public Task NextPassAsync() => Volatile.Read(ref _pass).Task;

    internal void PassEnded() =>
        Interlocked.Exchange(ref _pass, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Claims and delivers one batch of due jobs (only urgent ones when <paramref name="urgentOnly"/>);
    /// returns how many were claimed. The batch costs a fixed number of database round trips whatever
    /// its size: claim, load what the sends need, send in parallel, then record every outcome in one
    /// save. A crash between a send and that save re-sends the job once its lease runs out: delivery is
    /// at least once, and receivers recognise a repeat by its <c>Entraide-Delivery</c> id.
    /// </summary>
    public async Task<int> RunBatchAsync(bool urgentOnly, CancellationToken ct)
    {
        var s = settings.CurrentValue;
        var owner = Guid.CreateVersion7();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Set<DeliveryJob>().AsNoTracking()
            .Where(j => j.Status == DeliveryStatus.Pending && j.NextAttemptAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .Where(j => !urgentOnly || j.Urgent)
            .OrderByDescending(j => j.Urgent).ThenBy(j => j.NextAttemptAt)
            .Select(j => j.Id)
            .Take(s.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var until = now + Lease;
        await db.Set<DeliveryJob>()
            .Where(j => due.Contains(j.Id) && j.Status == DeliveryStatus.Pending && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.LeaseOwner, owner), ct);
        var jobs = await db.Set<DeliveryJob>().Where(j => j.LeaseOwner == owner).ToListAsync(ct);
        if (jobs.Count == 0) return 0;

        var messageIds = jobs.Select(j => j.MessageId).Distinct().ToList();
        var messages = await db.Set<NotificationMessage>().AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var accountIds = jobs.Where(j => j.UserId != null).Select(j => j.UserId!).Distinct().ToList();
        var accounts = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().MailboxesAsync(accountIds, ct);
        var hookIds = jobs.Where(j => j.WebhookId != null).Select(j => j.WebhookId!.Value).Distinct().ToList();
        var hooks = hookIds.Count == 0
            ? []
            : await db.Set<WebhookSubscription>().AsNoTracking().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var senders = new Senders(scope.ServiceProvider.GetRequiredService<EmailSender>(), scope.ServiceProvider.GetRequiredService<WebhookSender>());

        // Urgent jobs first in the list, so they are the first to start.
        var ordered = jobs.OrderByDescending(j => j.Urgent).ThenBy(j => j.NextAttemptAt).ToList();
        var outcomes = new ConcurrentDictionary<Guid, (DeliveryOutcome Outcome, TimeSpan Took)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, s.Parallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(ordered, parallel, async (job, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await SendAsync(job, messages.GetValueOrDefault(job.MessageId), accounts, hooks, senders, token);
            outcomes[job.Id] = (outcome, Stopwatch.GetElapsedTime(started));
        });

        var done = clock.GetUtcNow();
        foreach (var job in jobs)
        {
            if (!outcomes.TryGetValue(job.Id, out var o)) continue;
            if (job.Record(messages.GetValueOrDefault(job.MessageId)?.Kind ?? "", o.Outcome, o.Took, done) is { } attempt) db.Add(attempt);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return jobs.Count;
    }

    /// <summary>Runs batches until nothing is due.</summary>
    public Task<int> RunUntilIdleAsync(CancellationToken ct) => RunUntilIdleAsync(urgentOnly: false, ct);

    /// <summary>Runs batches until nothing is due (only urgent jobs when <paramref name="urgentOnly"/>).</summary>
    public async Task<int> RunUntilIdleAsync(bool urgentOnly, CancellationToken ct)
    {
        var total = 0;
        int n;
        do
        {
            n = await RunBatchAsync(urgentOnly, ct);
            total += n;
        } while (n >= settings.CurrentValue.BatchSize);
        return total;
    }

    private sealed record Senders(EmailSender Email, WebhookSender Webhook);

    private async Task<DeliveryOutcome> SendAsync(DeliveryJob job, NotificationMessage? message, Dictionary<string, AccountMailbox> accounts,
        Dictionary<Guid, WebhookSubscription> hooks, Senders senders, CancellationToken ct)
    {
        if (message is null) return DeliveryOutcome.Skip(DeliveryErrors.NotificationDeleted);
        try
        {
            return job.Channel switch
            {
                DeliveryChannels.Email when job.Address is not null => await senders.Email.SendAsync(message, job.Address, job.Language, ct),
                DeliveryChannels.Email => job.UserId is not null && accounts.TryGetValue(job.UserId, out var account)
                    ? await senders.Email.SendAsync(message, account, ct)
                    : DeliveryOutcome.Skip(DeliveryErrors.AccountDeleted),
                DeliveryChannels.Webhook => job.WebhookId is { } hookId && hooks.TryGetValue(hookId, out var hook)
                    ? await senders.Webhook.SendAsync(message, hook, job.Id, ct)
                    : DeliveryOutcome.Skip(DeliveryErrors.SubscriptionDeleted),
                _ => DeliveryOutcome.Skip(DeliveryErrors.UnknownChannel),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogDeliveryFailed(logger, ex, job.Id, job.Channel);
            return DeliveryOutcome.Transient(DeliveryErrors.Unexpected);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} by {Channel} failed unexpectedly; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex, Guid deliveryId, string channel);
}
