using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// The 24/7 point of contact and the judges list only their lane of a State's incoming requests: a
/// few urgent or direct requests among thousands addressed to the central authority. Each lane has a
/// partial index whose predicate is the lane's filter as the inbox query writes it; if the two drifted
/// apart (a reworded filter, a renamed enum value), the listing would still be right but would read the
/// central authority's whole box at every poll — the emergency would be listed late under load.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InboxLaneIndexTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task LaneIndexes_ArePartial_OnTheLanePredicate(Db db)
    {
        var definitions = await SchemaIndexes.OfAsync(fixture.App(db), db, "cooperation_requests");
        // PostgreSQL gives the predicate back with parentheses and casts, SQLite as it was written.
        static string Bare(string s) => s.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal)
            .Replace("::text", "", StringComparison.Ordinal);
        Assert.Contains("WHERE \"Urgent\" OR \"Channel\" = 'PointOfContact'",
            Bare(Assert.Contains("IX_cooperation_requests_UrgentLane", definitions)), StringComparison.Ordinal);
        Assert.Contains("WHERE \"Channel\" = 'DirectJudicial'", Bare(Assert.Contains("IX_cooperation_requests_DirectLane", definitions)),
            StringComparison.Ordinal);
    }

    /// <summary>Each database, with each lane's role and index.</summary>
    public sealed class Lanes : TheoryData<Db, string, string>
    {
        public Lanes()
        {
            foreach (Db db in new Databases())
            {
                Add(db, Roles.PointOfContact, "IX_cooperation_requests_UrgentLane");
                Add(db, Roles.Investigator, "IX_cooperation_requests_DirectLane");
            }
        }
    }

    [Theory, ClassData(typeof(Lanes))]
    public async Task LaneInbox_IsReadThroughItsLaneIndex(Db db, string role, string index)
    {
        var app = fixture.App(db);
        // An inbox with many ordinary requests and a few in the lane, as in real use.
        var authority = app.ClientFor("NOR", Roles.CentralAuthority);
        for (var i = 0; i < 12; i++) await authority.SubmitAsync(CooperationTestData.Body("mla", "CHL"));
        await app.ClientFor("NOR", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "CHL"));

        var seen = new SelectCapture();
        await using var capturing = app.Derive(s =>
        {
            if (db == Db.Postgres) s.ConfigureDbContext<PostgresEntraideDbContext>(o => o.AddInterceptors(seen));
            else s.ConfigureDbContext<SqliteEntraideDbContext>(o => o.AddInterceptors(seen));
        });
        foreach (var bucket in new[] { "new", "" })
        {
            using var client = capturing.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("CHL", role));
            using var answer = await client.GetAsync($"/api/v1/requests?box=incoming&bucket={bucket}");
            answer.EnsureSuccessStatusCode();
        }
        var listings = seen.Commands.Where(c => c.Sql.Replace("\"", "", StringComparison.Ordinal)
            .Contains("FROM cooperation_requests", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listings);

        foreach (var listing in listings)
        {
            var plan = await app.WithDbAsync(async d =>
            {
                var conn = d.Database.GetDbConnection();
                await d.Database.OpenConnectionAsync();
                try
                {
                    if (db == Db.Postgres)
                    {
                        // The test database is small: without this the planner would rightly read the whole table.
                        await using var setup = conn.CreateCommand();
                        setup.CommandText = "ANALYZE cooperation_requests; SET enable_seqscan = off;";
                        await setup.ExecuteNonQueryAsync();
                    }
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = (db == Db.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + listing.Sql;
                    foreach (var (name, value) in listing.Parameters)
                    {
                        var p = cmd.CreateParameter();
                        p.ParameterName = name;
                        p.Value = value;
                        cmd.Parameters.Add(p);
                    }
                    var lines = new List<string>();
                    await using var r = await cmd.ExecuteReaderAsync();
                    while (await r.ReadAsync()) lines.Add(r.GetValue(r.FieldCount - 1).ToString()!);
                    return string.Join('\n', lines);
                }
                finally
                {
                    if (db == Db.Postgres)
                    {
                        await using var reset = conn.CreateCommand();
                        reset.CommandText = "RESET enable_seqscan";
                        await reset.ExecuteNonQueryAsync();
                    }
                    await d.Database.CloseConnectionAsync();
                }
            });
            Assert.True(plan.Contains(index, StringComparison.Ordinal), $"the {role} inbox is not read through {index}:\n{plan}\n\n{listing.Sql}");
        }
    }

    private sealed record Captured(string Sql, (string Name, object Value)[] Parameters);

    /// <summary>Keeps the text and parameter values of every query the application runs.</summary>
    private sealed class SelectCapture : DbCommandInterceptor
    {
        public ConcurrentQueue<Captured> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                Commands.Enqueue(new Captured(command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToArray()));
            return ValueTask.FromResult(result);
        }
    }
}
