using System.Buffers.Binary;
using System.Security.Cryptography;
using Entraide.App.Evidence.Encryption;
using Entraide.App.Evidence.Storage;

namespace Entraide.App.Evidence.Uploads;

/// <summary>
/// The content of unfinished uploads, on local disk under <c>{storage root}/staging/</c>, encrypted like sealed content:
/// <c>{id}.chunks</c> holds the complete chunks sealed so far (<see cref="EvidenceCipher"/>), <c>{id}.tail</c> the bytes
/// received after the last complete chunk, sealed on their own with a random nonce (its first byte 0xFF, which no chunk
/// nonce has) and their start offset in the associated data. The tail is replaced atomically (written aside, then
/// renamed) after the chunks it follows are on disk, so whatever a crash interrupts, the chunks file cut to whole chunks
/// and a tail that starts where they end are what was committed; a tail that starts elsewhere is stale and ignored.
/// No plaintext is ever written to disk.
/// </summary>
public sealed class UploadStaging(EvidenceStorageSettings settings)
{
    private const int TailHeader = 8 + EvidenceCipher.NonceSize;

    public string Folder => Path.Combine(settings.Root, "staging");

    public string ChunksPath(Guid id) => Path.Combine(Folder, id.ToString("N") + ".chunks");

    public string TailPath(Guid id) => Path.Combine(Folder, id.ToString("N") + ".tail");

    /// <summary>Creates the empty files of a new upload.</summary>
    public void Create(Guid id)
    {
        Directory.CreateDirectory(Folder);
        using (File.Create(ChunksPath(id))) { }
    }

    /// <summary>Deletes whatever an upload left on disk.</summary>
    public void Delete(Guid id)
    {
        foreach (var p in new[] { ChunksPath(id), TailPath(id), TailPath(id) + ".tmp" })
        {
            if (File.Exists(p)) File.Delete(p);
        }
    }

    /// <summary>The ids of the uploads that have content in the staging folder.</summary>
    public IEnumerable<Guid> Staged()
    {
        if (!Directory.Exists(Folder)) yield break;
        foreach (var f in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(f);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && Guid.TryParseExact(name[..dot], "N", out var id)) yield return id;
        }
    }

    /// <summary>How many whole chunks the chunks file holds (a partly written last one is not counted).</summary>
    public long WholeChunks(Guid id)
    {
        var f = new FileInfo(ChunksPath(id));
        return f.Exists ? f.Length / EvidenceCipher.StoredChunkSize : 0;
    }

    /// <summary>
    /// The committed tail (the bytes after <paramref name="chunks"/> whole chunks) into <paramref name="into"/>; its length,
    /// 0 when there is none or it is stale. <see cref="AuthenticationTagMismatchException"/> when it was altered.
    /// </summary>
    public int ReadTail(Guid id, long chunks, AesGcm aes, byte[] ad, Span<byte> into)
    {
        var path = TailPath(id);
        if (!File.Exists(path)) return 0;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < TailHeader + EvidenceCipher.TagSize) return 0;
        var start = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        if (start != chunks * EvidenceCipher.ChunkSize) return 0;
        var n = bytes.Length - TailHeader - EvidenceCipher.TagSize;
        if (n > EvidenceCipher.ChunkSize) return 0;
        aes.Decrypt(bytes.AsSpan(8, EvidenceCipher.NonceSize), bytes.AsSpan(TailHeader, n), bytes.AsSpan(TailHeader + n), into[..n],
            TailData(ad, start));
        return n;
    }

    /// <summary>Replaces the tail with <paramref name="plain"/>, starting at plaintext offset <paramref name="start"/>.</summary>
    public void WriteTail(Guid id, long start, AesGcm aes, byte[] ad, ReadOnlySpan<byte> plain)
    {
        var path = TailPath(id);
        if (plain.Length == 0)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }
        var bytes = new byte[TailHeader + plain.Length + EvidenceCipher.TagSize];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, start);
        var nonce = bytes.AsSpan(8, EvidenceCipher.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        nonce[0] = 0xFF;
        aes.Encrypt(nonce, plain, bytes.AsSpan(TailHeader, plain.Length), bytes.AsSpan(TailHeader + plain.Length), TailData(ad, start));
        var tmp = path + ".tmp";
        using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 0))
        {
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static byte[] TailData(byte[] ad, long start)
    {
        var data = new byte[ad.Length + 12];
        ad.CopyTo(data, 0);
        "tail"u8.CopyTo(data.AsSpan(ad.Length));
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(ad.Length + 4), start);
        return data;
    }
}
