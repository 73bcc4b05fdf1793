using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Entraide.Domain.Trust;

/// <summary>The fields of an audit entry that its hash covers.</summary>
public readonly record struct AuditFields(
    long Id,
    long Sequence,
    long OccurredAtUnixMs,
    string ActorId,
    string? StateCode,
    string Action,
    string EntityType,
    string EntityId,
    string? BeforeDigest,
    string? AfterDigest);

/// <summary>The text fields of an audit entry as UTF-8 bytes, for <see cref="AuditChain.LinkUtf8"/>.</summary>
public ref struct Utf8AuditText
{
    public ReadOnlySpan<byte> ActorId;
    public ReadOnlySpan<byte> StateCode;
    public bool StateCodeIsNull;
    public ReadOnlySpan<byte> Action;
    public ReadOnlySpan<byte> EntityType;
    public ReadOnlySpan<byte> EntityId;
    public ReadOnlySpan<byte> BeforeDigest;
    public bool BeforeDigestIsNull;
    public ReadOnlySpan<byte> AfterDigest;
    public bool AfterDigestIsNull;
}

/// <summary>
/// The audit hash chain: each entry's hash covers its own fields and the previous entry's hash, so
/// altering, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;
    public static readonly byte[] Genesis = new byte[HashLength];

    public static byte[] Link(ReadOnlySpan<byte> previous, in AuditFields f)
    {
        var hash = new byte[HashLength];
        Link(previous, f, hash);
        return hash;
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>Writes the entry's hash into <paramref name="destination"/> without allocating (for walking long chains).</summary>
    public static void Link(ReadOnlySpan<byte> previous, in AuditFields f, Span<byte> destination)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        Write(buffer, previous);
        WriteInt64(buffer, f.Id);
        WriteInt64(buffer, f.Sequence);
        WriteInt64(buffer, f.OccurredAtUnixMs);
        WriteString(buffer, f.ActorId);
        WriteString(buffer, f.StateCode);
        WriteString(buffer, f.Action);
        WriteString(buffer, f.EntityType);
        WriteString(buffer, f.EntityId);
        WriteString(buffer, f.BeforeDigest);
        WriteString(buffer, f.AfterDigest);
        SHA256.HashData(buffer.WrittenSpan, destination);
    }

    /// <summary>
    /// Writes the entry's hash from fields already encoded in UTF-8 (as a database stores them), so a
    /// verifier walking millions of entries never turns them into strings. Same bytes as
    /// <see cref="Link(ReadOnlySpan{byte}, in AuditFields, Span{byte})"/>; a null field is a null span
    /// flag, not an empty one.
    /// </summary>
    public static void LinkUtf8(ReadOnlySpan<byte> previous, long id, long sequence, long occurredAtUnixMs, in Utf8AuditText text,
        Span<byte> destination)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        Write(buffer, previous);
        WriteInt64(buffer, id);
        WriteInt64(buffer, sequence);
        WriteInt64(buffer, occurredAtUnixMs);
        WriteUtf8(buffer, text.ActorId, false);
        WriteUtf8(buffer, text.StateCode, text.StateCodeIsNull);
        WriteUtf8(buffer, text.Action, false);
        WriteUtf8(buffer, text.EntityType, false);
        WriteUtf8(buffer, text.EntityId, false);
        WriteUtf8(buffer, text.BeforeDigest, text.BeforeDigestIsNull);
        WriteUtf8(buffer, text.AfterDigest, text.AfterDigestIsNull);
        SHA256.HashData(buffer.WrittenSpan, destination);
    }

    /// <summary>Digest of a record's state, for the before/after fields.</summary>
    public static string Digest(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    public static string Digest(string canonical) => Digest(Encoding.UTF8.GetBytes(canonical));

    /// <summary>
    /// The seal of a pending entry: HMAC-SHA256, under a key kept outside the database, of the entry's
    /// contents (all that its chain hash covers but the id and sequence, which are not known when it is
    /// written) and a random nonce that makes every seal unique. Stored as the nonce and the tag in hexadecimal.
    /// </summary>
    public static string Seal(ReadOnlySpan<byte> key, in AuditFields f, ReadOnlySpan<byte> nonce)
    {
        Span<byte> tag = stackalloc byte[HashLength];
        SealTag(key, f, nonce, tag);
        return Convert.ToHexStringLower(nonce) + Convert.ToHexStringLower(tag);
    }

    public const int SealNonceLength = 16;
    public const int SealLength = (SealNonceLength + HashLength) * 2;

    /// <summary>Whether <paramref name="seal"/> is the seal of these contents under <paramref name="key"/> (in constant time).</summary>
    public static bool SealMatches(ReadOnlySpan<byte> key, in AuditFields f, string? seal)
    {
        if (seal is null || seal.Length != SealLength) return false;
        Span<byte> stored = stackalloc byte[SealNonceLength + HashLength];
        if (Convert.FromHexString(seal, stored, out _, out var written) != System.Buffers.OperationStatus.Done || written != stored.Length)
            return false;
        Span<byte> tag = stackalloc byte[HashLength];
        SealTag(key, f, stored[..SealNonceLength], tag);
        return CryptographicOperations.FixedTimeEquals(tag, stored[SealNonceLength..]);
    }

    private static readonly byte[] SealDomain = "entraide-audit-seal-v1"u8.ToArray();

    private static void SealTag(ReadOnlySpan<byte> key, in AuditFields f, ReadOnlySpan<byte> nonce, Span<byte> destination)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        Write(buffer, SealDomain);
        Write(buffer, nonce);
        WriteInt64(buffer, f.OccurredAtUnixMs);
        WriteString(buffer, f.ActorId);
        WriteString(buffer, f.StateCode);
        WriteString(buffer, f.Action);
        WriteString(buffer, f.EntityType);
        WriteString(buffer, f.EntityId);
        WriteString(buffer, f.BeforeDigest);
        WriteString(buffer, f.AfterDigest);
        HMACSHA256.HashData(key, buffer.WrittenSpan, destination);
    }

    // Length-prefixed fields: no separator can be forged by a value that contains it.
    private static void Write(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long v)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), v);
        buffer.Advance(8);
    }

    private static void WriteUtf8(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> utf8, bool isNull)
    {
        if (isNull) { WriteInt64(buffer, -1); return; }
        WriteInt64(buffer, utf8.Length);
        buffer.Write(utf8);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string? s)
    {
        if (s is null) { WriteInt64(buffer, -1); return; }
        var n = Encoding.UTF8.GetByteCount(s);
        WriteInt64(buffer, n);
        buffer.Advance(Encoding.UTF8.GetBytes(s, buffer.GetSpan(n)));
    }
}
