using Entraide.App.Evidence.Encryption;
using Entraide.Domain.Evidence;

namespace Entraide.App.Evidence.Uploads;

/// <summary>tus HEAD: how much of an upload is committed, and until when it waits.</summary>
public sealed record UploadStatusView(long Offset, long Length, DateTimeOffset? ExpiresAt);

public sealed class UploadStatus(EvidenceLoader loader, EvidenceKeys keys, UploadCompletion completion, TimeProvider clock)
{
    public async Task<UploadStatusView> GetAsync(Guid uploadId, CancellationToken ct)
    {
        var (item, _) = await loader.ForReadingAsync(uploadId, ct);
        if (item.Status == EvidenceStatus.Sealed) return new UploadStatusView(item.Length, item.Length, null);
        EnsureOpen(item, clock.GetUtcNow());
        var offset = completion.OffsetOf(item, () => keys.Unwrap(item.Id, item.KeyId, item.WrappedKey));
        return new UploadStatusView(offset, item.Length, item.ExpiresAt);
    }

    /// <summary>An upload that was terminated, rejected or expired is gone (410); a sealed one takes no more bytes (409).</summary>
    public static void EnsureOpen(EvidenceItem item, DateTimeOffset now)
    {
        if (item.Status is EvidenceStatus.Deleted or EvidenceStatus.Rejected || item.IsExpired(now))
            throw new TusException(StatusCodes.Status410Gone, "evidence-upload-gone");
        if (item.Status != EvidenceStatus.Uploading) throw Domain.Common.DomainException.Conflict("evidence-not-uploading");
    }
}
