using System.Threading.RateLimiting;
using Entraide.Domain.Common;

namespace Entraide.App.Cooperation.Requests;

/// <summary>
/// Admission of submissions. Ordinary requests are submitted a few at a time and the rest wait their
/// turn, oldest first, without holding a database connection: on a busy server this keeps the database
/// and the processor working rather than contending, and it keeps a free lane for urgent requests
/// (emergencies, expedited preservation), which are never queued behind ordinary ones. A request that
/// cannot be admitted within the wait limit is answered 503 with a retry hint; its client retries with
/// the same Idempotency-Key, so nothing is submitted twice.
/// </summary>
public sealed class SubmissionGate : IAsyncDisposable
{
    private readonly ConcurrencyLimiter _ordinary;
    private readonly TimeSpan _maxWait;

    public SubmissionGate(IConfiguration configuration)
    {
        // Two per core keeps every core busy (a submission spends most of its time computing, little
        // waiting for the database) while leaving the run queue short for the urgent lane.
        var permits = configuration.GetValue("Cooperation:SubmissionConcurrency", Math.Max(2, Environment.ProcessorCount * 2));
        _maxWait = TimeSpan.FromSeconds(configuration.GetValue("Cooperation:SubmissionWaitSeconds", 20));
        _ordinary = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = configuration.GetValue("Cooperation:SubmissionQueue", 5_000),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for a turn; urgent types pass at once. Dispose the result when the submission is answered.</summary>
    public async ValueTask<IDisposable?> EnterAsync(bool urgent, CancellationToken ct)
    {
        if (urgent) return null;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(_maxWait);
        RateLimitLease lease;
        try
        {
            lease = await _ordinary.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new DomainException(FailureKind.Unavailable, "unavailable");
        }
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new DomainException(FailureKind.Unavailable, "unavailable");
        }
        return lease;
    }

    public ValueTask DisposeAsync() => _ordinary.DisposeAsync();
}
