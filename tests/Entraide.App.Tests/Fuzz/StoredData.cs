using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Fuzz;

/// <summary>
/// What the database holds, cheaply (the row count of every table, the audit chain's length among them) or
/// fully (a digest of every row of every table, independent of row order).
/// </summary>
internal static class StoredData
{
    /// <summary>
    /// Written by the delivery worker on its own schedule (attempts, retries with back-off), not by the request:
    /// what a request enqueues shows in notifications_messages and notifications_inbox, which stay checked. The host's
    /// data-protection key ring is written when a key is first needed (here, the first protected webhook secret) or rotated.
    /// </summary>
    private static readonly HashSet<string> WorkerTables = new(StringComparer.Ordinal)
    {
        "notifications_deliveries",
        "notifications_delivery_attempts",
        "host_data_protection_keys",
    };

    public static Task<string> CountsAsync(TestApp app) => QueryAsync(app, async (conn, tables) =>
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return string.Join(" ", counts.Select(c => $"{c.Key}={c.Value}"));
    });

    public static Task<Dictionary<string, string>> DigestAsync(TestApp app) => QueryAsync(app, async (conn, tables) =>
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{t}\"";
            var rows = new List<string>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var v = reader.GetValue(i);
                    row.Append(v switch
                    {
                        byte[] b => Convert.ToHexString(b),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => v.ToString(),
                    }).Append('\u001f');
                }
                rows.Add(row.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            digests[t] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows))));
        }
        return digests;
    });

    /// <summary>Waits until background work (audit chaining, notification delivery) has settled: two equal digests in a row.</summary>
    public static async Task<Dictionary<string, string>> SettledAsync(TestApp app)
    {
        var last = await DigestAsync(app);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(150);
            var next = await DigestAsync(app);
            if (Same(last, next)) return next;
            last = next;
        }
        return last;
    }

    public static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public static IEnumerable<string> Changed(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y);

    private static async Task<T> QueryAsync<T>(TestApp app, Func<DbConnection, IReadOnlyList<string>, Task<T>> work) =>
        await app.WithDbAsync(async db =>
        {
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Where(t => !WorkerTables.Contains(t)).Distinct()
                .Order(StringComparer.Ordinal).ToList();
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try { return await work(conn, tables); }
            finally { await db.Database.CloseConnectionAsync(); }
        });
}
