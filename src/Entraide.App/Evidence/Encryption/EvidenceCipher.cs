using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Entraide.App.Evidence.Encryption;

/// <summary>
/// The stored form of an item: its plaintext cut into chunks of <see cref="ChunkSize"/> bytes (the last one shorter, or
/// empty for an empty item), each sealed with AES-256-GCM under the item's data key, as in age's STREAM construction.
/// A chunk's nonce is its index (big-endian, bytes 3–10) and a last-chunk flag (byte 11), so chunks cannot be reordered,
/// dropped or the stream cut short without a tag failing; the associated data names the item, so a chunk cannot be
/// moved into another item. A stored chunk is its ciphertext followed by its 16-byte tag.
/// </summary>
public static class EvidenceCipher
{
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int KeySize = 32;
    public const int StoredChunkSize = ChunkSize + TagSize;

    private static ReadOnlySpan<byte> Label => "entraide-evidence-v1"u8;

    /// <summary>How many chunks an item of <paramref name="length"/> bytes has (one for an empty item).</summary>
    public static long ChunkCount(long length) => length == 0 ? 1 : (length + ChunkSize - 1) / ChunkSize;

    /// <summary>The size of the stored (encrypted) form of an item of <paramref name="length"/> bytes.</summary>
    public static long StoredLength(long length) => length + ChunkCount(length) * TagSize;

    /// <summary>The associated data of every chunk of an item.</summary>
    public static byte[] AssociatedData(Guid itemId)
    {
        var ad = new byte[Label.Length + 16];
        Label.CopyTo(ad);
        itemId.TryWriteBytes(ad.AsSpan(Label.Length), bigEndian: true, out _);
        return ad;
    }

    public static void ChunkNonce(Span<byte> nonce, long index, bool last)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce[3..11], index);
        nonce[11] = last ? (byte)1 : (byte)0;
    }

    /// <summary>Seals one chunk into <paramref name="stored"/> (ciphertext then tag: <c>plain.Length + 16</c> bytes).</summary>
    public static void Seal(AesGcm aes, long index, bool last, ReadOnlySpan<byte> plain, Span<byte> stored, ReadOnlySpan<byte> ad)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        ChunkNonce(nonce, index, last);
        aes.Encrypt(nonce, plain, stored[..plain.Length], stored.Slice(plain.Length, TagSize), ad);
    }

    /// <summary>Opens one stored chunk; <see cref="AuthenticationTagMismatchException"/> when it was altered or misplaced.</summary>
    public static void Open(AesGcm aes, long index, bool last, ReadOnlySpan<byte> stored, Span<byte> plain, ReadOnlySpan<byte> ad)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        ChunkNonce(nonce, index, last);
        var n = stored.Length - TagSize;
        aes.Decrypt(nonce, stored[..n], stored.Slice(n, TagSize), plain[..n], ad);
    }

    public static AesGcm Aes(ReadOnlySpan<byte> dataKey) => new(dataKey, TagSize);
}
