using System.Collections.Concurrent;
using System.Security.Cryptography;
using Entraide.App.Evidence.Encryption;

namespace Entraide.App.Evidence.Uploads;

/// <summary>How a PATCH ended.</summary>
public enum AppendOutcome
{
    /// <summary>The bytes were committed; more are expected.</summary>
    Committed,
    /// <summary>The last byte arrived: the content is complete and its hashes are known.</summary>
    Completed,
    /// <summary>The chunk did not match its <c>Upload-Checksum</c>: none of it was kept.</summary>
    ChecksumMismatch,
    /// <summary>The chunk went past the declared length: none of it was kept.</summary>
    TooLong,
}

/// <summary>The hashes of a complete upload and where its encrypted content is staged.</summary>
public sealed record CompletedContent(string Sha256, string? Sha512, string StoredSha256, string StagedPath);

/// <summary>
/// The state of one upload while its bytes stream in: the running SHA-256 (and SHA-512) of the plaintext, the running
/// SHA-256 of the stored bytes (the content address), the item's cipher and the tail of plaintext that does not yet fill
/// a chunk. Incremental hash state cannot be saved, so after a restart the session is rebuilt by decrypting and hashing
/// the stored prefix again (<see cref="Restore"/>); within one process it lives between PATCHes in
/// <see cref="UploadSessions"/>. Nothing is held per byte: memory is a chunk and a tail whatever the item's size.
/// </summary>
public sealed class UploadSession : IDisposable
{
    private readonly UploadStaging _staging;
    private readonly AesGcm _aes;
    private readonly byte[] _ad;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash? _sha512;
    private readonly IncrementalHash _stored = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _tail = new byte[EvidenceCipher.ChunkSize];
    private readonly byte[] _sealed = new byte[EvidenceCipher.StoredChunkSize];
    private long _chunks;
    private int _tailLength;

    private UploadSession(UploadStaging staging, Guid itemId, long length, bool withSha512, byte[] dataKey)
    {
        _staging = staging;
        ItemId = itemId;
        Length = length;
        _aes = EvidenceCipher.Aes(dataKey);
        _ad = EvidenceCipher.AssociatedData(itemId);
        if (withSha512) _sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
    }

    public Guid ItemId { get; }
    public long Length { get; }

    /// <summary>The bytes committed so far.</summary>
    public long Offset => _chunks * EvidenceCipher.ChunkSize + _tailLength;

    /// <summary>
    /// Rebuilds the session of an upload from what is on disk: the chunks file is cut to whole chunks, each is opened and
    /// hashed again, then the tail, if it starts where they end. A chunk that does not open means the staged content was
    /// altered: <see cref="AuthenticationTagMismatchException"/>.
    /// </summary>
    public static UploadSession Restore(UploadStaging staging, Guid itemId, long length, bool withSha512, byte[] dataKey)
    {
        var s = new UploadSession(staging, itemId, length, withSha512, dataKey);
        try
        {
            s.Rehash();
            return s;
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }

    /// <summary>The committed offset of an upload read from disk, without rehashing it (for HEAD).</summary>
    public static long CommittedOffset(UploadStaging staging, Guid itemId, byte[] dataKey)
    {
        var chunks = staging.WholeChunks(itemId);
        using var aes = EvidenceCipher.Aes(dataKey);
        var tail = new byte[EvidenceCipher.ChunkSize];
        return chunks * EvidenceCipher.ChunkSize + staging.ReadTail(itemId, chunks, aes, EvidenceCipher.AssociatedData(itemId), tail);
    }

    private void Rehash()
    {
        var path = _staging.ChunksPath(ItemId);
        var chunks = _staging.WholeChunks(ItemId);
        using (var f = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 0))
        {
            if (f.Length != chunks * EvidenceCipher.StoredChunkSize) f.SetLength(chunks * EvidenceCipher.StoredChunkSize);
            for (long i = 0; i < chunks; i++)
            {
                f.ReadExactly(_sealed);
                EvidenceCipher.Open(_aes, i, last: false, _sealed, _tail, _ad);
                _sha256.AppendData(_tail);
                _sha512?.AppendData(_tail);
                _stored.AppendData(_sealed);
            }
        }
        _chunks = chunks;
        _tailLength = _staging.ReadTail(ItemId, chunks, _aes, _ad, _tail);
    }

    /// <summary>
    /// Appends a PATCH body: complete chunks are sealed and written as they fill, the rest is committed as the tail at the
    /// end. With a <paramref name="checksum"/> (the client's <c>Upload-Checksum</c>), nothing is committed unless the
    /// whole body matches it; past the declared length nothing is committed either. In both cases the session is spent
    /// (its hashes took bytes that were not kept): the caller drops it, and the next PATCH restores one from disk.
    /// A body cut short without a checksum keeps what arrived, as tus asks.
    /// </summary>
    public async Task<(AppendOutcome Outcome, CompletedContent? Content)> AppendAsync(Stream body, UploadChecksum? checksum,
        CancellationToken ct)
    {
        var path = _staging.ChunksPath(ItemId);
        var startChunks = _chunks;
        using var digest = checksum is null ? null : IncrementalHash.CreateHash(checksum.Algorithm);
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
        });
        await using (file)
        {
            file.SetLength(_chunks * EvidenceCipher.StoredChunkSize);
            file.Seek(0, SeekOrigin.End);
            var scratch = new byte[1];
            try
            {
                while (true)
                {
                    var room = (int)Math.Min(EvidenceCipher.ChunkSize - _tailLength, Length - Offset);
                    if (room == 0)
                    {
                        if (Offset == Length)
                        {
                            // Complete: one more byte is one too many.
                            if (await body.ReadAsync(scratch, ct) > 0) return Undo(file, startChunks, AppendOutcome.TooLong);
                            break;
                        }
                        await WriteChunkAsync(file, ct);
                        continue;
                    }
                    var n = await body.ReadAsync(_tail.AsMemory(_tailLength, room), ct);
                    if (n == 0) break;
                    digest?.AppendData(_tail, _tailLength, n);
                    _tailLength += n;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
            {
                // The client went away mid-chunk. Without a checksum what arrived is kept; with one, nothing is.
                if (digest is not null) Undo(file, startChunks, AppendOutcome.ChecksumMismatch);
                else Commit(file);
                throw;
            }
            if (digest is not null && !CryptographicOperations.FixedTimeEquals(digest.GetHashAndReset(), checksum!.Expected))
                return Undo(file, startChunks, AppendOutcome.ChecksumMismatch);
            if (Offset < Length)
            {
                Commit(file);
                return (AppendOutcome.Committed, null);
            }
            // The last chunk carries the last-chunk flag, so that the stored stream cannot be cut short unnoticed.
            EvidenceCipher.Seal(_aes, _chunks, last: true, _tail.AsSpan(0, _tailLength), _sealed, _ad);
            var stored = _sealed.AsSpan(0, _tailLength + EvidenceCipher.TagSize);
            Hash(_tail.AsSpan(0, _tailLength), stored);
            await file.WriteAsync(_sealed.AsMemory(0, stored.Length), ct);
            _chunks++;
            _tailLength = 0;
            file.Flush(flushToDisk: true);
        }
        _staging.WriteTail(ItemId, 0, _aes, _ad, []);
        var sha512 = _sha512 is null ? null : Convert.ToHexStringLower(_sha512.GetHashAndReset());
        return (AppendOutcome.Completed, new CompletedContent(Convert.ToHexStringLower(_sha256.GetHashAndReset()), sha512,
            Convert.ToHexStringLower(_stored.GetHashAndReset()), path));
    }

    private async Task WriteChunkAsync(FileStream file, CancellationToken ct)
    {
        EvidenceCipher.Seal(_aes, _chunks, last: false, _tail, _sealed, _ad);
        Hash(_tail, _sealed);
        await file.WriteAsync(_sealed, ct);
        _chunks++;
        _tailLength = 0;
    }

    private void Hash(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> stored)
    {
        _sha256.AppendData(plain);
        _sha512?.AppendData(plain);
        _stored.AppendData(stored);
    }

    private void Commit(FileStream file)
    {
        file.Flush(flushToDisk: true);
        _staging.WriteTail(ItemId, _chunks * EvidenceCipher.ChunkSize, _aes, _ad, _tail.AsSpan(0, _tailLength));
    }

    private static (AppendOutcome, CompletedContent?) Undo(FileStream file, long chunks, AppendOutcome outcome)
    {
        // The tail file was not touched: what was committed before this PATCH is what stays.
        file.SetLength(chunks * EvidenceCipher.StoredChunkSize);
        file.Flush(flushToDisk: true);
        return (outcome, null);
    }

    public void Dispose()
    {
        _aes.Dispose();
        _sha256.Dispose();
        _sha512?.Dispose();
        _stored.Dispose();
        CryptographicOperations.ZeroMemory(_tail);
    }
}

/// <summary>The <c>Upload-Checksum</c> of a PATCH: the algorithm and the digest the client computed over the body.</summary>
public sealed record UploadChecksum(HashAlgorithmName Algorithm, byte[] Expected);

/// <summary>
/// The upload sessions of this process, one per upload being written, each behind a gate so that two PATCHes to the same
/// upload never interleave (the second is refused with 409, as tus allows; the chunks file is also opened exclusively,
/// which keeps a second process out).
/// </summary>
public sealed class UploadSessions
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public UploadSession? Session { get; set; }
        public DateTimeOffset LastUsed { get; set; }
    }

    public Entry For(Guid itemId) => _entries.GetOrAdd(itemId, _ => new Entry());

    /// <summary>Drops an upload's session (complete, terminated, expired, or spent by a refused chunk).</summary>
    public void Drop(Guid itemId)
    {
        if (_entries.TryRemove(itemId, out var e))
        {
            e.Session?.Dispose();
            e.Session = null;
        }
    }

    /// <summary>Sessions idle since before <paramref name="before"/> are dropped (they are rebuilt from disk if the upload resumes).</summary>
    public void DropIdle(DateTimeOffset before)
    {
        foreach (var (id, e) in _entries)
        {
            if (e.LastUsed < before && e.Gate.Wait(0))
            {
                try
                {
                    if (_entries.TryRemove(id, out _)) e.Session?.Dispose();
                }
                finally
                {
                    e.Gate.Release();
                }
            }
        }
    }
}
