using System.Security.Cryptography;
using Entraide.App.Evidence.Encryption;
using Entraide.App.Evidence.Storage;
using Entraide.App.Evidence.Uploads;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Evidence;

namespace Entraide.App.Evidence.Items;

/// <summary>
/// Reads sealed content back: chunk by chunk from the store, each chunk opened (its tag checked) and hashed, the SHA-256
/// compared with the one recorded at sealing before the last chunk is released. Nothing is held but one chunk.
/// A download records <c>downloaded</c> once all of it was verified, or <c>download-failed</c> (and the stream is cut);
/// a verification records <c>verified</c> or <c>verification-failed</c> with the hash found.
/// </summary>
public sealed partial class EvidenceContent(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    EvidenceLoader loader, EvidenceKeys keys, IEvidenceStore store, ILogger<EvidenceContent> logger)
{
    /// <summary>The item to download, checked for the caller; the content is streamed by <see cref="WriteAsync"/>.</summary>
    public async Task<EvidenceItem> OpenAsync(Guid itemId, CancellationToken ct)
    {
        var (item, _) = await loader.ForReadingAsync(itemId, ct, tracked: true);
        if (item.Status != EvidenceStatus.Sealed) throw DomainException.Conflict("evidence-not-sealed");
        return item;
    }

    /// <summary>
    /// Streams the plaintext into <paramref name="http"/>'s response. The first chunk is verified before the answer starts,
    /// so content that fails at once is refused with a problem (409); a later failure aborts the connection.
    /// </summary>
    public async Task WriteAsync(HttpContext http, EvidenceItem item, CancellationToken ct)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        var started = false;
        var (intact, sha) = await ReadAsync(item, async (chunk, first) =>
        {
            if (first)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/octet-stream";
                http.Response.ContentLength = item.Length;
                http.Response.Headers.CacheControl = "no-store";
                var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(item.FileName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                http.Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(item.Sha256!));
                started = true;
            }
            await http.Response.Body.WriteAsync(chunk, ct);
        }, ct);
        item.RecordDownload(current.Current, address, clock.GetUtcNow(), intact, sha);
        audit.Action = intact ? "evidence.item.download" : "evidence.item.download-failed";
        await db.SaveChangesAsync(CancellationToken.None);
        if (intact) return;
        LogIntegrityFailure(logger, item.Id, sha ?? "(unreadable)");
        if (started) http.Abort();
        else await Infrastructure.Http.ProblemResponses.WriteAsync(http, StatusCodes.Status409Conflict, "evidence-integrity-failed", ct);
    }

    /// <summary>Decrypts and hashes the stored content again and records the result.</summary>
    public async Task<VerificationView> VerifyAsync(Guid itemId, string? address, CancellationToken ct)
    {
        var item = await OpenAsync(itemId, ct);
        var (intact, sha) = await ReadAsync(item, null, ct);
        var now = clock.GetUtcNow();
        var ok = item.RecordVerification(current.Current, address, now, intact ? sha : null) && intact;
        audit.Action = ok ? "evidence.item.verify" : "evidence.item.verification-failed";
        await db.SaveChangesAsync(ct);
        if (!ok) LogIntegrityFailure(logger, item.Id, sha ?? "(unreadable)");
        return new VerificationView(item.Id, ok, intact ? sha : null, item.Sha256!, now);
    }

    // Reads every chunk; a chunk reaches the sink once its tag verified, and the last one only once the whole hash matched.
    private async Task<(bool Intact, string? Sha256)> ReadAsync(EvidenceItem item, Func<ReadOnlyMemory<byte>, bool, Task>? sink,
        CancellationToken ct)
    {
        var dataKey = keys.Unwrap(item.Id, item.KeyId, item.WrappedKey);
        using var aes = EvidenceCipher.Aes(dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
        var ad = EvidenceCipher.AssociatedData(item.Id);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stored = new byte[EvidenceCipher.StoredChunkSize];
        var plain = new byte[EvidenceCipher.ChunkSize];
        var chunks = EvidenceCipher.ChunkCount(item.Length);
        Stream file;
        try
        {
            file = await store.OpenReadAsync(item.StorageKey!, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (false, null);
        }
        await using (file)
        {
            if (file.CanSeek && file.Length != EvidenceCipher.StoredLength(item.Length)) return (false, null);
            for (long i = 0; i < chunks; i++)
            {
                var last = i == chunks - 1;
                var size = last ? (int)(item.Length - i * EvidenceCipher.ChunkSize) : EvidenceCipher.ChunkSize;
                var s = stored.AsMemory(0, size + EvidenceCipher.TagSize);
                try
                {
                    await file.ReadExactlyAsync(s, ct);
                    EvidenceCipher.Open(aes, i, last, s.Span, plain, ad);
                }
                catch (Exception e) when (e is AuthenticationTagMismatchException or EndOfStreamException)
                {
                    return (false, null);
                }
                sha.AppendData(plain, 0, size);
                if (last)
                {
                    var hex = Convert.ToHexStringLower(sha.GetHashAndReset());
                    if (!string.Equals(hex, item.Sha256, StringComparison.Ordinal)) return (false, hex);
                }
                if (sink is not null) await sink(plain.AsMemory(0, size), i == 0);
            }
            if (file.ReadByte() != -1) return (false, null);
        }
        return (true, item.Sha256);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence {ItemId} failed its integrity check when read (hash found {Sha256}).")]
    private static partial void LogIntegrityFailure(ILogger logger, Guid itemId, string sha256);
}
