using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;

namespace Entraide.App.Evidence.Uploads;

/// <summary>tus termination: the sender abandons an unfinished upload; its content is deleted, its custody record kept.</summary>
public sealed record TerminateUpload(Guid UploadId, string? Address);

public sealed class TerminateUploadHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    EvidenceLoader loader, UploadStaging staging, UploadSessions sessions) : Infrastructure.Hosting.IHandler
{
    public async Task HandleAsync(TerminateUpload command, CancellationToken ct)
    {
        var item = await loader.ForChangingAsync(command.UploadId, ct);
        var now = clock.GetUtcNow();
        UploadStatus.EnsureOpen(item, now);
        var entry = sessions.For(item.Id);
        if (!await entry.Gate.WaitAsync(0, ct)) throw Domain.Common.DomainException.Conflict("evidence-upload-busy");
        try
        {
            item.Terminate(current.Current, command.Address, now);
            audit.Action = "evidence.upload.terminate";
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            entry.Gate.Release();
        }
        sessions.Drop(item.Id);
        staging.Delete(item.Id);
    }
}
