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

    [ThreadStatic] private static ArrayBufferWriterLite? _buffer;

    /// <summary>Writes the entry's hash into <paramref name="destination"/> without allocating (for walking long chains).</summary>
    public static void Link(ReadOnlySpan<byte> previous, in AuditFields f, Span<byte> destination)
    {
        var buffer = _buffer ??= new ArrayBufferWriterLite(512);
        buffer.Reset();
        buffer.Write(previous);
        buffer.WriteInt64(f.Id);
        buffer.WriteInt64(f.Sequence);
        buffer.WriteInt64(f.OccurredAtUnixMs);
        buffer.WriteString(f.ActorId);
        buffer.WriteString(f.StateCode);
        buffer.WriteString(f.Action);
        buffer.WriteString(f.EntityType);
        buffer.WriteString(f.EntityId);
        buffer.WriteString(f.BeforeDigest);
        buffer.WriteString(f.AfterDigest);
        SHA256.HashData(buffer.WrittenSpan, destination);
    }

    /// <summary>
    /// Writes the entry's hash from fields already encoded in UTF-8 (as a database stores them), so a
    /// verifier walking millions of entries never turns them into strings. Same bytes as
    /// <see cref="Link(ReadOnlySpan{byte}, in AuditFields, Span{byte})"/>; a null field is a null span
    /// flag, not an empty one.
    /// </summary>
    public static void LinkUtf8(ReadOnlySpan<byte> previous, long id, long sequence, long occurredAtUnixMs, in Utf8AuditText text, Span<byte> destination)
    {
        var buffer = _buffer ??= new ArrayBufferWriterLite(512);
        buffer.Reset();
        buffer.Write(previous);
        buffer.WriteInt64(id);
        buffer.WriteInt64(sequence);
        buffer.WriteInt64(occurredAtUnixMs);
        buffer.WriteUtf8(text.ActorId, false);
        buffer.WriteUtf8(text.StateCode, text.StateCodeIsNull);
        buffer.WriteUtf8(text.Action, false);
        buffer.WriteUtf8(text.EntityType, false);
        buffer.WriteUtf8(text.EntityId, false);
        buffer.WriteUtf8(text.BeforeDigest, text.BeforeDigestIsNull);
        buffer.WriteUtf8(text.AfterDigest, text.AfterDigestIsNull);
        SHA256.HashData(buffer.WrittenSpan, destination);
    }

    /// <summary>Digest of a record's state, for the before/after fields.</summary>
    public static string Digest(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    public static string Digest(string canonical) => Digest(Encoding.UTF8.GetBytes(canonical));

    // Length-prefixed fields: no separator can be forged by a value that contains it.
    private sealed class ArrayBufferWriterLite(int capacity)
    {
        private byte[] _buf = new byte[capacity];
        private int _len;

        public ReadOnlySpan<byte> WrittenSpan => _buf.AsSpan(0, _len);

        public void Reset() => _len = 0;

        private Span<byte> Take(int n)
        {
            if (_len + n > _buf.Length) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + n));
            var s = _buf.AsSpan(_len, n);
            _len += n;
            return s;
        }

        public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

        public void WriteInt64(long v) => BinaryPrimitives.WriteInt64BigEndian(Take(8), v);

        public void WriteUtf8(ReadOnlySpan<byte> utf8, bool isNull)
        {
            if (isNull) { WriteInt64(-1); return; }
            WriteInt64(utf8.Length);
            Write(utf8);
        }

        public void WriteString(string? s)
        {
            if (s is null) { WriteInt64(-1); return; }
            var n = Encoding.UTF8.GetByteCount(s);
            WriteInt64(n);
            Encoding.UTF8.GetBytes(s, Take(n));
        }
    }
}
