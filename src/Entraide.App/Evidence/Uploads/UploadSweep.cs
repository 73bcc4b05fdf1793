using Entraide.App.Evidence.Storage;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Evidence.Uploads;

/// <summary>What one pass of the sweep did.</summary>
public sealed record UploadSweepResult(int Expired, int Orphans);

/// <summary>
/// Expiration: unfinished uploads past their <c>Upload-Expires</c> are marked deleted (an <c>expired</c> custody event)
/// and their partial content removed; staged files whose upload is no longer open (a crash between the save and the
/// clean-up) are removed too. Idle sessions are dropped from memory.
/// </summary>
public sealed class UploadSweep(EntraideDbContext db, AuditRecorder audit, UploadStaging staging, UploadSessions sessions,
    EvidenceStorageSettings settings)
{
    private const int Batch = 200;

    public async Task<UploadSweepResult> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<EvidenceItem>().Include(i => i.Events)
            .Where(i => i.ExpiresAt != null && i.ExpiresAt <= now && i.Status == EvidenceStatus.Uploading)
            .OrderBy(i => i.ExpiresAt).Take(Batch).ToListAsync(ct);
        foreach (var item in due) item.Expire(now);
        if (due.Count > 0)
        {
            audit.Action = "evidence.upload.expire";
            await db.SaveChangesAsync(ct);
            foreach (var item in due)
            {
                sessions.Drop(item.Id);
                staging.Delete(item.Id);
            }
        }
        var staged = staging.Staged().Distinct().ToList();
        var open = staged.Count == 0 ? [] : await db.Set<EvidenceItem>()
            .Where(i => staged.Contains(i.Id) && i.Status == EvidenceStatus.Uploading).Select(i => i.Id).ToListAsync(ct);
        var orphans = staged.Except(open).ToList();
        foreach (var id in orphans) staging.Delete(id);
        sessions.DropIdle(now - settings.Expiry);
        return new UploadSweepResult(due.Count, orphans.Count);
    }
}

/// <summary>Runs <see cref="UploadSweep"/> every <c>Evidence:Uploads:SweepMinutes</c>.</summary>
internal sealed partial class UploadSweeper(IServiceScopeFactory scopes, TimeProvider clock, EvidenceStorageSettings settings,
    ILogger<UploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Task.Yield();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<UploadSweep>().RunAsync(clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The evidence upload sweep failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
