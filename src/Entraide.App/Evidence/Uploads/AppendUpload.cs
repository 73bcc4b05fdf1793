using Entraide.App.Evidence.Encryption;
using Entraide.Domain.Evidence;

namespace Entraide.App.Evidence.Uploads;

/// <summary>tus PATCH: bytes at <c>Upload-Offset</c>, optionally with an <c>Upload-Checksum</c> over them.</summary>
public sealed record AppendUpload(Guid UploadId, string? ContentType, string? Offset, long? ContentLength, string? Checksum, Stream Body,
    string? Address);

public sealed class AppendUploadHandler(EvidenceLoader loader, EvidenceKeys keys, UploadCompletion completion, TimeProvider clock)
    : Infrastructure.Hosting.IHandler
{
    public async Task<AppendResult> HandleAsync(AppendUpload command, CancellationToken ct)
    {
        var item = await loader.ForChangingAsync(command.UploadId, ct);
        UploadStatus.EnsureOpen(item, clock.GetUtcNow());
        if (!string.Equals(MediaType(command.ContentType), TusProtocol.OffsetContentType, StringComparison.OrdinalIgnoreCase))
            throw new TusException(StatusCodes.Status415UnsupportedMediaType, "evidence-content-type");
        var offset = TusProtocol.ParseLength(command.Offset, TusProtocol.UploadOffset)
            ?? throw new TusException(StatusCodes.Status400BadRequest, "evidence-header", TusProtocol.UploadOffset);
        var checksum = TusProtocol.ParseChecksum(command.Checksum);
        var dataKey = keys.Unwrap(item.Id, item.KeyId, item.WrappedKey);
        var committed = completion.OffsetOf(item, () => dataKey);
        if (offset != committed) throw Domain.Common.DomainException.Conflict("evidence-offset-mismatch");
        if (command.ContentLength is { } n && offset + n > item.Length)
            throw new TusException(StatusCodes.Status413PayloadTooLarge, "evidence-exceeds-length");
        var result = await completion.AppendAsync(item, dataKey, command.Body, checksum, command.Address, ct);
        return result.Outcome switch
        {
            AppendOutcome.ChecksumMismatch => throw new TusException(TusProtocol.ChecksumMismatch, "evidence-checksum-mismatch"),
            AppendOutcome.TooLong => throw new TusException(StatusCodes.Status413PayloadTooLarge, "evidence-exceeds-length"),
            _ when result.Item.Status == EvidenceStatus.Rejected => throw Domain.Common.DomainException.Invalid("evidence-hash-mismatch", "sha256"),
            _ => result,
        };
    }

    private static string? MediaType(string? contentType) => contentType?.Split(';')[0].Trim();
}
