using System.Reflection;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entraide.App.Infrastructure.Audit;

/// <summary>A business row that does not match the audit trail: its table, its key and what differs.</summary>
public sealed record AuditRowFinding(string Table, string Id, string Problem);

/// <summary>What <see cref="AuditRows.VerifyAsync"/> found: how many rows and entries it compared, and the rows at fault.</summary>
public sealed record AuditRowsVerification(long Rows, long Entries, IReadOnlyList<AuditRowFinding> Findings)
{
    public bool Intact => Findings.Count == 0;
}

/// <summary>
/// <c>audit verify --rows</c>: the chain proves the entries were not touched, not that the rows they
/// describe were not changed behind them (an UPDATE or DELETE straight in the database writes no entry).
/// Every audited row is read back, digested as <see cref="AuditRecorder"/> digests it when it is saved,
/// and compared with the after-digest of the latest entry about it (in chain order; pending entries last,
/// refused ones ignored). A row that differs, that is gone though its latest entry records it, that is
/// back though its latest entry records its deletion, or that has no entry at all, is named.
/// </summary>
public static class AuditRows
{
    public const int MaxFindings = 1000;

    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    public static async Task<AuditRowsVerification> VerifyAsync(EntraideDbContext db, CancellationToken ct = default)
    {
        var findings = new List<AuditRowFinding>();
        long rows = 0, entries = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        foreach (var type in db.Model.GetEntityTypes().Where(IsAudited).OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            var name = type.ClrType.Name;
            var table = type.GetTableName()!;
            // The latest entry about each row of this type.
            var latest = new Dictionary<string, (long Id, string? After)>(StringComparer.Ordinal);
            var about = db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.EntityType == name && (e.Hash == null || e.Hash != AuditEntry.RefusedMark))
                .OrderBy(e => e.Sequence == null).ThenBy(e => e.Sequence).ThenBy(e => e.Id)
                .Select(e => new { e.Id, e.EntityId, e.AfterDigest });
            await foreach (var e in about.AsAsyncEnumerable().WithCancellation(ct))
            {
                latest[e.EntityId] = (e.Id, e.AfterDigest);
                entries++;
            }

            var set = (IQueryable<object>)SetMethod.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            await foreach (var row in set.AsAsyncEnumerable().WithCancellation(ct))
            {
                rows++;
                var entry = db.Entry(row);
                if (entry.Metadata != type) continue; // a derived type: checked with its own type
                var id = AuditRecorder.KeyOf(entry);
                var digest = AuditChain.Digest(AuditRecorder.Canonical(entry, original: false));
                if (!latest.Remove(id, out var last))
                {
                    Add(findings, new AuditRowFinding(table, id, "no audit entry records this row: it was written without Entraide"));
                }
                else if (last.After is null)
                {
                    Add(findings, new AuditRowFinding(table, id, $"present, but its latest audit entry #{last.Id} records its deletion"));
                }
                else if (!string.Equals(last.After, digest, StringComparison.Ordinal))
                {
                    Add(findings, new AuditRowFinding(table, id, $"changed: it no longer matches its latest audit entry #{last.Id}"));
                }
            }
            db.ChangeTracker.Clear();
            foreach (var (id, last) in latest.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (last.After is not null)
                    Add(findings, new AuditRowFinding(table, id, $"missing: its latest audit entry #{last.Id} records it, but the row is gone"));
            }
        }
        return new AuditRowsVerification(rows, entries, findings);
    }

    private static void Add(List<AuditRowFinding> findings, AuditRowFinding f)
    {
        if (findings.Count < MaxFindings) findings.Add(f);
    }

    // Rows that every save audits: not the audit's own tables, not those marked as not audited, and
    // only entity types of their own (with a table and a key; owned types are part of their owner's row).
    private static bool IsAudited(IEntityType t) =>
        !t.IsOwned() && t.FindPrimaryKey() is not null && t.GetTableName() is not null && !t.HasSharedClrType
        && t.ClrType != typeof(AuditChainHead) && AuditRecorder.Audited(t.ClrType);
}
