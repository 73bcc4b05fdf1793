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

        public void WriteString(string? s)
        {
            if (s is null) { WriteInt64(-1); return; }
            var n = Encoding.UTF8.GetByteCount(s);
            WriteInt64(n);
            Encoding.UTF8.GetBytes(s, Take(n));
        }
    }
}
