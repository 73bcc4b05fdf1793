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
/// entry at fault. Reads rows as a stream, so a million entries need no more memory than a few.
/// </summary>
public static class AuditVerifier
{
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
            var table = entity.GetTableName();
            string Col(string p) => Quote(entity.FindProperty(p)!.GetColumnName());
            cmd.CommandText =
                $"SELECT {Col("Id")}, {Col("Sequence")}, {Col("OccurredAtMs")}, {Col("ActorId")}, {Col("StateCode")}, {Col("Action")}, " +
                $"{Col("EntityType")}, {Col("EntityId")}, {Col("BeforeDigest")}, {Col("AfterDigest")}, {Col("Hash")} " +
                $"FROM {Quote(table!)} WHERE {Col("Sequence")} IS NOT NULL ORDER BY {Col("Sequence")}";
            await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);

            byte[] previous = AuditChain.Genesis;
            var stored = new byte[AuditChain.HashLength];
            long expected = 1;
            while (await r.ReadAsync(ct))
            {
                var f = new AuditFields(
                    r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), NullableString(r, 4), r.GetString(5),
                    r.GetString(6), r.GetString(7), NullableString(r, 8), NullableString(r, 9));
                var hash = NullableString(r, 10);
                var label = $"#{f.Id} (sequence {f.Sequence})";
                if (f.Sequence != expected)
                {
                    return AuditVerification.Bad(expected - 1, pending, label,
                        f.Sequence > expected ? $"entries {expected}..{f.Sequence - 1} are missing" : $"sequence {f.Sequence} repeats");
                }
                previous = AuditChain.Link(previous, f);
                if (hash is null || hash.Length != AuditChain.HashLength * 2 || !TryHex(hash, stored) || !stored.AsSpan().SequenceEqual(previous))
                {
                    return AuditVerification.Bad(expected - 1, pending, label, "hash does not match its contents and the previous entry");
                }
                expected++;
            }
            var last = expected - 1;
            if (last != head.Sequence || !string.Equals(Convert.ToHexStringLower(previous), head.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.Bad(last, pending, $"sequence {head.Sequence}",
                    $"the chain head records {head.Sequence} entries but the chain ends at {last}");
            }
            return new AuditVerification(true, last, pending, null, null);
        }
        finally
        {
            if (mustClose) await conn.CloseAsync();
        }
    }

    private static bool TryHex(string hex, Span<byte> into) =>
        Convert.FromHexString(hex, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == into.Length;

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
