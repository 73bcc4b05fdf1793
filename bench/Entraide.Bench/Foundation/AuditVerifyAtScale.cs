using System.Diagnostics;
using System.Globalization;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Bench.Infrastructure;
using Entraide.Domain.Trust;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Entraide.Bench.Foundation;

/// <summary>
/// Fills the audit trail with N chained entries (1 million by default), then times
/// <c>entraide audit verify</c>'s walk against a plain streaming read of the same rows (the floor set by
/// the database). Target: under 5 s at 1 million entries.
/// </summary>
public sealed class AuditVerifyAtScale : IBenchCommand
{
    public string Name => "audit-verify";
    public string Description => "Verify time of the audit chain at scale (--entries 1000000 [--postgres \"Host=…\"])";

    public async Task<int> RunAsync(string[] args)
    {
        var entries = BenchArgs.Int(args, "entries", 1_000_000);
        var postgres = BenchArgs.Get(args, "postgres", "");
        string? cs = null;
        if (postgres.Length > 0)
        {
            var name = "entraide_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var c = new NpgsqlConnection(postgres))
            {
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await cmd.ExecuteNonQueryAsync();
            }
            cs = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
        }
        var (app, _, dataDir) = await BenchHost.StartAsync(cs, demo: false);
        await app.StopAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        await AuditChainer.ChainPendingAsync(db);

        var fill = Stopwatch.StartNew();
        await FillAsync(db, entries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"filled {entries:N0} chained entries in {fill.Elapsed.TotalSeconds:0.0} s ({db.Provider})"));

        // Warm the page cache once, then measure the floor and the verification alternately.
        await ReadAllAsync(db);
        var floor = new List<double>();
        var verify = new List<double>();
        var reader = new List<double>();
        AuditVerification? result = null;
        var runs = BenchArgs.Int(args, "runs", 3);
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.StartNew();
            await ReadAllAsync(db);
            floor.Add(t.Elapsed.TotalSeconds);
            t.Restart();
            result = await AuditVerifier.VerifyAsync(db);
            verify.Add(t.Elapsed.TotalSeconds);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // The data-reader path the binary COPY export replaced, in the same run.
                AuditVerifier.PostgresCopyExport = false;
                t.Restart();
                var old = await AuditVerifier.VerifyAsync(db);
                reader.Add(t.Elapsed.TotalSeconds);
                AuditVerifier.PostgresCopyExport = true;
                if (!old.Intact) throw new InvalidOperationException("The data-reader path disagrees.");
            }
        }
        double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"streaming read of the same rows (floor): best {floor.Min():0.00} s; " +
            $"audit verify: best {verify.Min():0.00} s, median {Median(verify):0.00} s over {runs} runs; " +
            $"intact={result!.Intact}, verified={result.Verified:N0}; verify/floor = {verify.Min() / floor.Min():0.00}×"));
        if (reader.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL data-reader path (before the COPY export): best {reader.Min():0.00} s, median {Median(reader):0.00} s"));
        Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        await app.DisposeAsync();
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
        return result.Intact && Median(verify) < 5 ? 0 : 1;
    }

    private static async Task FillAsync(EntraideDbContext db, int n)
    {
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync();
        var previous = Convert.FromHexString(head.Hash);
        var seq = head.Sequence;
        var maxId = await db.Set<AuditEntry>().Select(e => (long?)e.Id).MaxAsync() ?? 0;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var states = new[] { "FRA", "BRA", "CHN", "USA", "EGY", "NGA", "IND", "JPN", "AUS", "MEX" };
        IEnumerable<AuditEntry> Rows()
        {
            for (var i = 0; i < n; i++)
            {
                var e = new AuditEntry
                {
                    Id = maxId + i + 1,
                    Sequence = ++seq,
                    OccurredAtMs = start + i,
                    ActorId = "bench-" + (i % 97),
                    StateCode = states[i % states.Length],
                    Action = "cooperation.request.submit",
                    EntityType = "Request",
                    EntityId = Guid.CreateVersion7().ToString(),
                    BeforeDigest = null,
                    AfterDigest = AuditChain.Digest("row " + i),
                };
                previous = AuditChain.Link(previous, new AuditFields(
                    e.Id,
                    e.Sequence.Value,
                    e.OccurredAtMs,
                    e.ActorId,
                    e.StateCode,
                    e.Action,
                    e.EntityType,
                    e.EntityId,
                    e.BeforeDigest,
                    e.AfterDigest));
                e.Hash = Convert.ToHexStringLower(previous);
                yield return e;
            }
        }

        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        if (conn is NpgsqlConnection pg)
        {
            // The importer holds the connection in COPY state until disposed, hence the block.
            await using (var import = await pg.BeginBinaryImportAsync(
                "COPY trust_audit_entries (\"Id\", \"Sequence\", \"OccurredAtMs\", \"ActorId\", \"StateCode\", \"Action\", " +
                "\"EntityType\", \"EntityId\", \"BeforeDigest\", \"AfterDigest\", \"Hash\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in Rows())
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(e.Id);
                    await import.WriteAsync(e.Sequence!.Value);
                    await import.WriteAsync(e.OccurredAtMs);
                    await import.WriteAsync(e.ActorId);
                    await import.WriteAsync(e.StateCode);
                    await import.WriteAsync(e.Action);
                    await import.WriteAsync(e.EntityType);
                    await import.WriteAsync(e.EntityId);
                    await import.WriteNullAsync();
                    await import.WriteAsync(e.AfterDigest);
                    await import.WriteAsync(e.Hash);
                }
                await import.CompleteAsync();
            }
            await using var fix = new NpgsqlCommand(
                "SELECT setval(pg_get_serial_sequence('trust_audit_entries', 'Id'), (SELECT max(\"Id\") FROM trust_audit_entries))",
                pg);
            await fix.ExecuteNonQueryAsync();
        }
        else
        {
            var sqlite = (SqliteConnection)conn;
            await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
            await using var cmd = sqlite.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText =
                "INSERT INTO trust_audit_entries (Id, Sequence, OccurredAtMs, ActorId, StateCode, Action, EntityType, EntityId, " +
                "BeforeDigest, AfterDigest, Hash) VALUES ($id,$seq,$at,$actor,$state,$action,$type,$eid,NULL,$after,$hash)";
            var p = new[] { "$id", "$seq", "$at", "$actor", "$state", "$action", "$type", "$eid", "$after", "$hash" }
                .Select(name => cmd.Parameters.Add(new SqliteParameter { ParameterName = name }))
                .ToArray();
            foreach (var e in Rows())
            {
                p[0].Value = e.Id; p[1].Value = e.Sequence; p[2].Value = e.OccurredAtMs; p[3].Value = e.ActorId; p[4].Value = e.StateCode;
                p[5].Value = e.Action; p[6].Value = e.EntityType; p[7].Value = e.EntityId; p[8].Value = e.AfterDigest; p[9].Value = e.Hash;
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        await conn.CloseAsync();
        await db.Set<AuditChainHead>().ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Sequence, seq)
            .SetProperty(h => h.Hash, Convert.ToHexStringLower(previous)));
    }

    private static async Task ReadAllAsync(EntraideDbContext db)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText =
            "SELECT \"Id\", \"Sequence\", \"OccurredAtMs\", \"ActorId\", \"StateCode\", \"Action\", \"EntityType\", \"EntityId\", " +
            "\"BeforeDigest\", \"AfterDigest\", \"Hash\" FROM trust_audit_entries WHERE \"Sequence\" IS NOT NULL ORDER BY \"Sequence\"";
        await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
        long n = 0;
        while (await r.ReadAsync())
        {
            for (var i = 0; i < 11; i++) if (!r.IsDBNull(i)) _ = r.GetValue(i);
            n++;
        }
        await conn.CloseAsync();
    }
}
