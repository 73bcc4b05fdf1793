using System.Data.Common;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

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

    public static async Task<AuditVerification> VerifyAsync(EntraideDbContext db, CancellationToken ct = default)
    {
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var pending = await db.Set<AuditEntry>().LongCountAsync(e => e.Sequence == null, ct);

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
            await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);

            var previous = new byte[AuditChain.HashLength];
            var computed = new byte[AuditChain.HashLength];
            var stored = new byte[AuditChain.HashLength];
            var waiting = new Dictionary<long, (AuditFields Fields, string? Hash)>();
            long expected = 1;

            AuditVerification? Check(in AuditFields f, string? hash)
            {
                AuditChain.Link(previous, f, computed);
                if (hash is null || hash.Length != AuditChain.HashLength * 2
                    || Convert.FromHexString(hash, stored, out _, out var written) != System.Buffers.OperationStatus.Done
                    || written != AuditChain.HashLength || !stored.AsSpan().SequenceEqual(computed))
                {
                    return AuditVerification.Bad(expected - 1, pending, $"#{f.Id} (sequence {f.Sequence})",
                        "hash does not match its contents and the previous entry");
                }
                computed.CopyTo(previous, 0);
                expected++;
                return null;
            }

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
                        if (f.Sequence < expected || waiting.ContainsKey(f.Sequence))
                        {
                            verdict = AuditVerification.Bad(expected - 1, pending, $"#{f.Id} (sequence {f.Sequence})", $"sequence {f.Sequence} repeats");
                            break;
                        }
                        if (f.Sequence != expected)
                        {
                            waiting[f.Sequence] = (f, hash);
                            if (waiting.Count > MaxReorderWindow) break;
                            continue;
                        }
                        verdict = Check(f, hash);
                        while (verdict is null && waiting.Remove(expected, out var next)) verdict = Check(next.Fields, next.Hash);
                        if (verdict is not null) break;
                    }
                    if (verdict is not null || waiting.Count > MaxReorderWindow) break;
                }
            }
            finally
            {
                await stop.CancelAsync();
                await reader;
            }
            if (verdict is not null) return verdict;
            if (waiting.Count > 0)
            {
                var first = waiting.Keys.Min();
                var at = waiting[first].Fields;
                return AuditVerification.Bad(expected - 1, pending, $"#{at.Id} (sequence {at.Sequence})",
                    $"entries {expected}..{first - 1} are missing");
            }
            var last = expected - 1;
            if (last != head.Sequence || !string.Equals(Convert.ToHexStringLower(previous), head.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.Bad(last, pending, $"sequence {head.Sequence}",
                    $"the chain head records {head.Sequence} entries ending in {head.Hash[..12]}… but the chain ends at {last}");
            }
            return new AuditVerification(true, last, pending, null, null);
        }
        finally
        {
            if (mustClose) await conn.CloseAsync();
        }
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
