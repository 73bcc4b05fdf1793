using System.Data.Common;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Entraide.App.Infrastructure.Audit;

public sealed record AuditVerification(bool Intact, long Verified, long Pending, string? FirstBadEntry, string? Problem)
{
    public static AuditVerification Bad(long verified, long pending, string entry, string problem) =>
        new(false, verified, pending, entry, problem);
}

/// <summary>
/// Walks the audit chain from the first entry and recomputes every hash. An altered field, a removed
/// or reordered entry, or a chain head that does not match the last entry is reported with the first
/// entry at fault.
/// Rows are read in storage order (by id, a sequential scan) and put back into chain order with a small
/// reorder buffer: entries are chained in commit order, which differs from id order only where
/// transactions overlapped, so the buffer stays a handful of rows even for millions of entries.
/// </summary>
public static class AuditVerifier
{
    /// <summary>More out-of-order rows than this means entries are missing or reordered wholesale.</summary>
    private const int MaxReorderWindow = 100_000;
    private const int BatchSize = 2048;

    /// <summary>PostgreSQL reads the chain with a binary COPY export (the bench turns it off to compare with the data reader).</summary>
    internal static bool PostgresCopyExport { get; set; } = true;

    /// <summary>Verifies the chain and the pending entries' seals (with the keys of the application the context comes from).</summary>
    public static Task<AuditVerification> VerifyAsync(EntraideDbContext db, CancellationToken ct = default) =>
        VerifyAsync(db, () => AuditKeys.Of(db), null, ct);

    /// <summary>
    /// Verifies, in turn: the chain (every hash, no gap, the head row at its end); every pending entry's
    /// seal (a pending entry is not covered by the chain yet); that no seal repeats (a copied entry); and,
    /// when a checkpoint is given, that the chain still holds the checkpoint's head with the same hash.
    /// The first fault found is reported; nothing here throws for what a database may hold.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(EntraideDbContext db, Func<AuditKeys> keys, AuditCheckpoint? checkpoint,
        CancellationToken ct = default)
    {
        var head = await db.Set<AuditChainHead>().AsNoTracking().Where(h => h.Id == AuditChainHead.SingletonId).FirstOrDefaultAsync(ct);
        var pending = await db.Set<AuditEntry>().LongCountAsync(e => e.Sequence == null, ct);
        var missingHead = head is null;
        head ??= new AuditChainHead { Sequence = -1, Hash = "" };
        var chain = await VerifyChainAsync(db, head, pending, ct);
        if (missingHead)
        {
            return AuditVerification.Bad(chain.Verified, pending, "the chain head",
                "the chain head row (trust_audit_head) is missing: it was deleted");
        }
        if (!chain.Intact) return chain;

        // Pending entries: few (those of the last moments, or written while no server ran). Each must bear a
        // seal made with this installation's key; one the chainer already refused carries its mark.
        var unchained = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id).ToListAsync(ct);
        if (unchained.Count > 0)
        {
            AuditKeys k;
            try
            {
                k = keys();
            }
            catch (AuditKeyException ex)
            {
                return AuditVerification.Bad(chain.Verified, pending, "the pending entries",
                    $"{unchained.Count} entries are not yet chained and their seals cannot be checked: {ex.Message}");
            }
            var forged = unchained.Where(e => e.Hash is not null || !k.SealMatches(e)).Select(e => e.Id).ToList();
            if (forged.Count > 0)
            {
                return AuditVerification.Bad(chain.Verified, pending, string.Join(", ", forged.Take(20).Select(id => $"#{id}")) +
                    (forged.Count > 20 ? $" and {forged.Count - 20} more" : ""),
                    $"{forged.Count} pending entries are not sealed with this installation's audit key (forged, or altered before " +
                    "they were chained); `audit chain` keeps them out of the chain");
            }
        }

        var repeated = await db.Set<AuditEntry>().Where(e => e.Seal != null).GroupBy(e => e.Seal)
            .Where(g => g.Count() > 1).Select(g => g.Min(e => e.Id)).FirstOrDefaultAsync(ct);
        if (repeated != 0)
        {
            return AuditVerification.Bad(chain.Verified, pending, $"#{repeated}",
                "its seal appears on more than one entry: an entry was copied");
        }

        if (checkpoint is not null)
        {
            var problem = await CompareWithCheckpointAsync(db, head, checkpoint, ct);
            if (problem is not null) return AuditVerification.Bad(chain.Verified, pending, $"sequence {checkpoint.Sequence}", problem);
        }
        return chain;
    }

    private static async Task<string?> CompareWithCheckpointAsync(EntraideDbContext db, AuditChainHead head, AuditCheckpoint cp, CancellationToken ct)
    {
        var when = cp.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        if (head.Sequence < cp.Sequence)
        {
            return $"the checkpoint of {when} records {cp.Sequence} entries, but the chain now has {head.Sequence}: " +
                "entries were removed and the chain rewritten";
        }
        var atCheckpoint = cp.Sequence == 0
            ? Convert.ToHexStringLower(AuditChain.Genesis)
            : await db.Set<AuditEntry>().Where(e => e.Sequence == cp.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (!string.Equals(atCheckpoint, cp.Hash, StringComparison.OrdinalIgnoreCase))
        {
            return $"the checkpoint of {when} records hash {Short(cp.Hash)} at sequence {cp.Sequence}, but the chain holds " +
                $"{Short(atCheckpoint)}: the chain was rewritten below the checkpoint";
        }
        return null;
    }

    private static string Short(string? hash) => hash is null ? "nothing" : hash.Length > 12 ? hash[..12] + "…" : hash;

    private static async Task<AuditVerification> VerifyChainAsync(EntraideDbContext db, AuditChainHead head, long pending, CancellationToken ct)
    {

        var conn = db.Database.GetDbConnection();
        var mustClose = conn.State != System.Data.ConnectionState.Open;
        if (mustClose) await conn.OpenAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
            string Col(string p) => Quote(entity.FindProperty(p)!.GetColumnName());
            cmd.CommandText =
                $"SELECT {Col("Id")}, {Col("Sequence")}, {Col("OccurredAtMs")}, {Col("ActorId")}, {Col("StateCode")}, {Col("Action")}, " +
                $"{Col("EntityType")}, {Col("EntityId")}, {Col("BeforeDigest")}, {Col("AfterDigest")}, {Col("Hash")} " +
                $"FROM {Quote(entity.GetTableName()!)} WHERE {Col("Sequence")} IS NOT NULL ORDER BY {Col("Id")}";
            if (conn is SqliteConnection sqlite) return VerifySqlite(sqlite, cmd.CommandText, head, pending, ct);
            if (conn is NpgsqlConnection pg && PostgresCopyExport) return VerifyPostgres(pg, cmd.CommandText, head, pending, ct);
            await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            var walk = new ChainWalk(pending);

            // Reading rows and hashing them overlap: one task reads batches, this one hashes them.
            var batches = System.Threading.Channels.Channel.CreateBounded<List<(AuditFields Fields, string? Hash)>>(
                new System.Threading.Channels.BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reader = Task.Run(async () =>
            {
                try
                {
                    var batch = new List<(AuditFields, string?)>(BatchSize);
                    while (await r.ReadAsync(stop.Token))
                    {
                        batch.Add((new AuditFields(
                            r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), NullableString(r, 4), r.GetString(5),
                            r.GetString(6), r.GetString(7), NullableString(r, 8), NullableString(r, 9)), NullableString(r, 10)));
                        if (batch.Count == BatchSize)
                        {
                            await batches.Writer.WriteAsync(batch, stop.Token);
                            batch = new List<(AuditFields, string?)>(BatchSize);
                        }
                    }
                    if (batch.Count > 0) await batches.Writer.WriteAsync(batch, stop.Token);
                    batches.Writer.Complete();
                }
                catch (Exception ex)
                {
                    batches.Writer.Complete(ex is OperationCanceledException ? null : ex);
                }
            }, CancellationToken.None);

            AuditVerification? verdict = null;
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    foreach (var (f, hash) in batch)
                    {
                        verdict = walk.Accept(f, hash);
                        if (verdict is not null || walk.Overflowed) break;
                    }
                    if (verdict is not null || walk.Overflowed) break;
                }
            }
            finally
            {
                await stop.CancelAsync();
                await reader;
            }
            return verdict ?? walk.Finish(head);
        }
        finally
        {
            if (mustClose) await conn.CloseAsync();
        }
    }

    /// <summary>
    /// SQLite: steps the statement through the native API and hashes each row from the UTF-8 bytes
    /// SQLite already holds, with no string or object per row (the ADO.NET reader's strings were most
    /// of the time). Rows out of chain order are rare and take the ordinary path.
    /// </summary>
    private static AuditVerification VerifySqlite(SqliteConnection conn, string sql, AuditChainHead head, long pending, CancellationToken ct)
    {
        var db = conn.Handle!;
        if (raw.sqlite3_prepare_v2(db, sql, out var stmt) != raw.SQLITE_OK)
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        using (stmt)
        {
            var walk = new ChainWalk(pending);
            long rows = 0;
            while (true)
            {
                var rc = raw.sqlite3_step(stmt);
                if (rc == raw.SQLITE_DONE) break;
                if (rc != raw.SQLITE_ROW) throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                if ((++rows & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                var id = raw.sqlite3_column_int64(stmt, 0);
                var sequence = raw.sqlite3_column_int64(stmt, 1);
                AuditVerification? verdict;
                if (sequence == walk.Expected)
                {
                    var text = new Utf8AuditText
                    {
                        ActorId = raw.sqlite3_column_blob(stmt, 3),
                        StateCode = raw.sqlite3_column_blob(stmt, 4),
                        StateCodeIsNull = IsNull(stmt, 4),
                        Action = raw.sqlite3_column_blob(stmt, 5),
                        EntityType = raw.sqlite3_column_blob(stmt, 6),
                        EntityId = raw.sqlite3_column_blob(stmt, 7),
                        BeforeDigest = raw.sqlite3_column_blob(stmt, 8),
                        BeforeDigestIsNull = IsNull(stmt, 8),
                        AfterDigest = raw.sqlite3_column_blob(stmt, 9),
                        AfterDigestIsNull = IsNull(stmt, 9),
                    };
                    verdict = walk.LinkedUtf8(
                        id, sequence, raw.sqlite3_column_int64(stmt, 2), text, raw.sqlite3_column_blob(stmt, 10), IsNull(stmt, 10));
                }
                else
                {
                    verdict = walk.Accept(new AuditFields(id, sequence, raw.sqlite3_column_int64(stmt, 2),
                        Text(stmt, 3)!, Text(stmt, 4), Text(stmt, 5)!, Text(stmt, 6)!, Text(stmt, 7)!, Text(stmt, 8), Text(stmt, 9)), Text(stmt, 10));
                }
                if (verdict is not null) return verdict;
                if (walk.Overflowed) break;
            }
            return walk.Finish(head);
        }
    }

    /// <summary>
    /// PostgreSQL: exports the rows with a binary <c>COPY … TO STDOUT</c> (no per-row protocol
    /// messages) and reads each text field as its raw UTF-8 bytes (a text value's binary form), so a
    /// row is hashed without being turned into strings. The server produces rows on its own core while
    /// this one hashes. Rows out of chain order take the ordinary path.
    /// </summary>
    private static AuditVerification VerifyPostgres(NpgsqlConnection conn, string sql, AuditChainHead head, long pending, CancellationToken ct)
    {
        using var export = conn.BeginBinaryExport($"COPY ({sql}) TO STDOUT (FORMAT BINARY)");
        using var cancel = ct.Register(() => export.Cancel());
        var walk = new ChainWalk(pending);
        while (export.StartRow() != -1)
        {
            var id = export.Read<long>(NpgsqlDbType.Bigint);
            var sequence = export.Read<long>(NpgsqlDbType.Bigint);
            var at = export.Read<long>(NpgsqlDbType.Bigint);
            var actor = Utf8(export);
            var state = Utf8(export);
            var action = Utf8(export);
            var type = Utf8(export);
            var entityId = Utf8(export);
            var before = Utf8(export);
            var after = Utf8(export);
            var hash = Utf8(export);
            AuditVerification? verdict;
            if (sequence == walk.Expected)
            {
                var text = new Utf8AuditText
                {
                    ActorId = actor,
                    StateCode = state,
                    StateCodeIsNull = state is null,
                    Action = action,
                    EntityType = type,
                    EntityId = entityId,
                    BeforeDigest = before,
                    BeforeDigestIsNull = before is null,
                    AfterDigest = after,
                    AfterDigestIsNull = after is null,
                };
                verdict = walk.LinkedUtf8(id, sequence, at, text, hash, hash is null);
            }
            else
            {
                verdict = walk.Accept(new AuditFields(id, sequence, at, String(actor)!, String(state), String(action)!, String(type)!,
                    String(entityId)!, String(before), String(after)), String(hash));
            }
            if (verdict is not null || walk.Overflowed)
            {
                // The export ends cleanly only once read to its end (cancelling it is for errors);
                // each remaining row's columns are skipped, not decoded.
                while (export.StartRow() is var columns and not -1)
                {
                    for (var i = 0; i < columns; i++) export.Skip();
                    ct.ThrowIfCancellationRequested();
                }
                return verdict ?? walk.Finish(head);
            }
        }
        ct.ThrowIfCancellationRequested();
        return walk.Finish(head);

        // A text value's binary COPY form is its UTF-8 bytes: read as bytea, nothing is decoded.
        static byte[]? Utf8(NpgsqlBinaryExporter e)
        {
            if (!e.IsNull) return e.Read<byte[]>(NpgsqlDbType.Bytea);
            e.Skip();
            return null;
        }

        static string? String(byte[]? utf8) => utf8 is null ? null : System.Text.Encoding.UTF8.GetString(utf8);
    }

    private static bool IsNull(sqlite3_stmt stmt, int i) => raw.sqlite3_column_type(stmt, i) == raw.SQLITE_NULL;

    private static string? Text(sqlite3_stmt stmt, int i) =>
        IsNull(stmt, i) ? null : System.Text.Encoding.UTF8.GetString(raw.sqlite3_column_blob(stmt, i));

    /// <summary>Parses 64 hexadecimal digits (either case) held as UTF-8.</summary>
    private static bool TryParseHex(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2) return false;
        for (var i = 0; i < destination.Length; i++)
        {
            int hi = Nibble(hex[2 * i]), lo = Nibble(hex[2 * i + 1]);
            if ((hi | lo) < 0) return false;
            destination[i] = (byte)((hi << 4) | lo);
        }
        return true;

        static int Nibble(byte c) => c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => -1,
        };
    }

    /// <summary>
    /// The walk along the chain, whatever reads the rows: the expected next sequence, the previous
    /// hash, and the reorder buffer of rows that arrived ahead of their turn.
    /// </summary>
    private sealed class ChainWalk(long pending)
    {
        private readonly Dictionary<long, (AuditFields Fields, string? Hash)> _waiting = [];
        private readonly byte[] _stored = new byte[AuditChain.HashLength];

        public byte[] Previous { get; } = new byte[AuditChain.HashLength];
        public byte[] Computed { get; } = new byte[AuditChain.HashLength];
        public long Expected { get; private set; } = 1;
        public bool Overflowed => _waiting.Count > MaxReorderWindow;

        /// <summary>Takes a row in storage order; returns a verdict at the first fault.</summary>
        public AuditVerification? Accept(in AuditFields f, string? hash)
        {
            if (f.Sequence < 1)
                return AuditVerification.Bad(
                    Expected - 1, pending, $"#{f.Id} (sequence {f.Sequence})", $"sequence {f.Sequence} is not a place in the chain");
            if (f.Sequence < Expected || _waiting.ContainsKey(f.Sequence))
                return AuditVerification.Bad(Expected - 1, pending, $"#{f.Id} (sequence {f.Sequence})", $"sequence {f.Sequence} repeats");
            if (f.Sequence != Expected)
            {
                _waiting[f.Sequence] = (f, hash);
                return null;
            }
            return Check(f, hash);
        }

        /// <summary>After the expected entry was linked into <see cref="Computed"/> and compared with its stored hash.</summary>
        private AuditVerification? Linked(bool hashMatches, long id, long sequence)
        {
            if (!hashMatches) return Mismatch(id, sequence);
            Advance();
            return _waiting.Count == 0 ? null : Drain();
        }

        /// <summary>
        /// The expected entry read as UTF-8 bytes: links it and compares with its stored hash (hexadecimal
        /// UTF-8, <paramref name="hashIsNull"/> when the column is null).
        /// </summary>
        public AuditVerification? LinkedUtf8(long id, long sequence, long at, in Utf8AuditText text, ReadOnlySpan<byte> hash, bool hashIsNull)
        {
            AuditChain.LinkUtf8(Previous, id, sequence, at, text, Computed);
            return Linked(!hashIsNull && TryParseHex(hash, _stored) && _stored.AsSpan().SequenceEqual(Computed), id, sequence);
        }

        private AuditVerification? Check(in AuditFields f, string? hash)
        {
            AuditChain.Link(Previous, f, Computed);
            return Linked(StoredMatches(hash), f.Id, f.Sequence);
        }

        private AuditVerification? Drain()
        {
            while (_waiting.Remove(Expected, out var next))
            {
                AuditChain.Link(Previous, next.Fields, Computed);
                if (!StoredMatches(next.Hash)) return Mismatch(next.Fields.Id, next.Fields.Sequence);
                Advance();
            }
            return null;
        }

        private bool StoredMatches(string? hash) =>
            hash is not null && hash.Length == AuditChain.HashLength * 2
            && Convert.FromHexString(hash, _stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == AuditChain.HashLength && _stored.AsSpan().SequenceEqual(Computed);

        private AuditVerification Mismatch(long id, long sequence) =>
            AuditVerification.Bad(Expected - 1, pending, $"#{id} (sequence {sequence})", "hash does not match its contents and the previous entry");

        private void Advance()
        {
            Computed.CopyTo(Previous, 0);
            Expected++;
        }

        /// <summary>After the last row: nothing may be missing, and the chain must end at the recorded head.</summary>
        public AuditVerification Finish(AuditChainHead head)
        {
            if (_waiting.Count > 0)
            {
                var first = _waiting.Keys.Min();
                var at = _waiting[first].Fields;
                return AuditVerification.Bad(Expected - 1, pending, $"#{at.Id} (sequence {at.Sequence})",
                    $"entries {Expected}..{first - 1} are missing");
            }
            var last = Expected - 1;
            if (last != head.Sequence || !string.Equals(Convert.ToHexStringLower(Previous), head.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.Bad(last, pending, $"sequence {head.Sequence}",
                    $"the chain head records {head.Sequence} entries ending in {Short(head.Hash)} but the chain ends at {last}");
            }
            return new AuditVerification(true, last, pending, null, null);
        }
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
