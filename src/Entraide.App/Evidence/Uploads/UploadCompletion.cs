using Entraide.App.Evidence.Storage;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Evidence;

namespace Entraide.App.Evidence.Uploads;

/// <summary>What a PATCH did: the offset now committed, and whether the item is sealed or was rejected.</summary>
public sealed record AppendResult(AppendOutcome Outcome, long Offset, EvidenceItem Item);

/// <summary>
/// Appends bytes to an upload through its session, then records the result: progress, or at the last byte the hashes,
/// the hand-over of the encrypted content to the evidence store, and the seal, or the rejection of content that does
/// not match its declared hash (whose content is deleted at once). One save, with its audit entries.
/// </summary>
public sealed class UploadCompletion(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    EvidenceStorageSettings settings, UploadStaging staging, UploadSessions sessions, IEvidenceStore store)
{
    public async Task<AppendResult> AppendAsync(EvidenceItem item, byte[] dataKey, Stream body, UploadChecksum? checksum, string? address,
        CancellationToken ct)
    {
        var entry = sessions.For(item.Id);
        if (!await entry.Gate.WaitAsync(0, ct)) throw Domain.Common.DomainException.Conflict("evidence-upload-busy");
        try
        {
            return await AppendLockedAsync(entry, item, dataKey, body, checksum, address, ct);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>The offset the client must send: the session's, or what is on disk when no session is open.</summary>
    public long OffsetOf(EvidenceItem item, Func<byte[]> dataKey)
    {
        if (item.Status != EvidenceStatus.Uploading) return item.Received;
        var entry = sessions.For(item.Id);
        return entry.Session?.Offset ?? UploadSession.CommittedOffset(staging, item.Id, dataKey());
    }

    private async Task<AppendResult> AppendLockedAsync(UploadSessions.Entry entry, EvidenceItem item, byte[] dataKey, Stream body,
        UploadChecksum? checksum, string? address, CancellationToken ct)
    {
        entry.LastUsed = clock.GetUtcNow();
        entry.Session ??= UploadSession.Restore(staging, item.Id, item.Length, item.WithSha512, dataKey);
        var session = entry.Session;
        (AppendOutcome Outcome, CompletedContent? Content) result;
        try
        {
            result = await session.AppendAsync(body, checksum, ct);
        }
        catch
        {
            sessions.Drop(item.Id);
            await SaveProgressAsync(item, UploadSession.CommittedOffset(staging, item.Id, dataKey));
            throw;
        }
        var now = clock.GetUtcNow();
        switch (result.Outcome)
        {
            case AppendOutcome.ChecksumMismatch or AppendOutcome.TooLong:
                sessions.Drop(item.Id);
                return new AppendResult(result.Outcome, UploadSession.CommittedOffset(staging, item.Id, dataKey), item);
            case AppendOutcome.Committed:
                await SaveProgressAsync(item, session.Offset);
                return new AppendResult(result.Outcome, session.Offset, item);
        }
        sessions.Drop(item.Id);
        var content = result.Content!;
        var matches = item.DeclaredSha256 is null || string.Equals(item.DeclaredSha256, content.Sha256, StringComparison.Ordinal);
        var key = "";
        if (matches) key = await store.PutAsync(content.StagedPath, content.StoredSha256, ct);
        staging.Delete(item.Id);
        item.Complete(content.Sha256, content.Sha512, key, current.Current, address, now);
        audit.Action = item.Status == EvidenceStatus.Sealed ? "evidence.item.seal" : "evidence.item.reject";
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            if (matches) await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return new AppendResult(AppendOutcome.Completed, item.Length, item);
    }

    private async Task SaveProgressAsync(EvidenceItem item, long offset)
    {
        var now = clock.GetUtcNow();
        item.Progress(offset, now, now + settings.Expiry);
        audit.Action = "evidence.upload.append";
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
