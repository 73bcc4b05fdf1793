using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// Faults during submission: the server killed in the middle of a burst, a lost database connection
/// (PostgreSQL) and a full disk (SQLite). An acknowledged submission is never lost, a retried one is
/// never duplicated, a failed one is never half-written, and the audit chain still verifies.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SubmissionFaultTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task KillDuringSubmissionBurst_LosesNoAcknowledgedRequest_RetriesCreateNoDuplicate_AndTheChainVerifies(Db db)
    {
        await using var app = new TestApp(db);
        var secret = app.IssueToken("FRA", Roles.CentralAuthority, Roles.PointOfContact);
        var provider = db == Db.Postgres ? "postgres" : "sqlite";
        var cli = new[] { "--connection", app.ConnectionString, "--provider", provider };
        await app.DisposeAsyncKeepingDatabase();

        var port = ServerProcess.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var attempted = new ConcurrentBag<string>();
        using (var server = ServerProcess.Start(app, port, provider))
        {
            await ServerProcess.WaitReadyAsync(http);

            var acknowledged = new ConcurrentDictionary<string, string>();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"burst-{w}-{i}-{Guid.NewGuid():N}";
                    attempted.Add(key);
                    try
                    {
                        using var r = await SendAsync(http, key);
                        if (r.StatusCode == HttpStatusCode.Created) acknowledged[key] = (await r.Content.ReadFromJsonAsync<JsonElement>()).Id();
                    }
                    // A slow answer on a busy machine (the admission gate waits up to 20 s) is not the end of the burst; the kill is.
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        if (stop.IsCancellationRequested) return;
                        await Task.Delay(50);
                    }
                }
            })).ToList();

            await ServerProcess.UntilAsync(() => acknowledged.Count >= 30, "30 acknowledged submissions before the kill");
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(workers);

            // Every submission that was acknowledged is there, each exactly once.
            var stored = await app.WithFreshDbAsync(d => d.Set<SubmissionKey>().AsNoTracking().Select(k => new { k.Key, k.RequestId }).ToListAsync());
            var storedByKey = stored.ToDictionary(k => k.Key, k => k.RequestId.ToString());
            foreach (var (key, id) in acknowledged) Assert.Equal(id, storedByKey.GetValueOrDefault(key));

            // The clients retry everything they sent, answered or not, with the same keys.
            using var again = ServerProcess.Start(app, port, provider);
            await ServerProcess.WaitReadyAsync(http);
            foreach (var key in attempted)
            {
                using var r = await SendAsync(http, key);
                Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{key}: {(int)r.StatusCode}");
                var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).Id();
                if (acknowledged.TryGetValue(key, out var first))
                {
                    Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                    Assert.Equal(first, id);
                }
            }
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
        }

        var (requests, keys, withoutEvent) = await app.WithFreshDbAsync(async d => (
            await d.Set<CooperationRequest>().CountAsync(),
            await d.Set<SubmissionKey>().CountAsync(),
            await d.Set<CooperationRequest>().CountAsync(r => !d.Set<RequestEvent>().Any(e => e.RequestId == r.Id))));
        Assert.Equal(attempted.Distinct().Count(), keys);
        Assert.Equal(keys, requests);
        Assert.Equal(0, withoutEvent);

        await ServerProcess.CliAsync(["audit", "chain", .. cli]);
        Assert.Contains("intact", await ServerProcess.CliAsync(["audit", "verify", .. cli]));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StorageFailureWhileSaving_Answers503WithRetryHint_WritesNothing_AndTheRetrySucceedsOnce(Db db)
    {
        var app = fixture.App(db);
        var fault = new StorageFault(db);
        await using var faulty = app.Derive(s =>
        {
            if (db == Db.Postgres) s.ConfigureDbContext<PostgresEntraideDbContext>(o => o.AddInterceptors(fault));
            else s.ConfigureDbContext<SqliteEntraideDbContext>(o => o.AddInterceptors(fault));
        });
        var client = faulty.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("AUS", Roles.CentralAuthority));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var key = "fault-" + Guid.NewGuid().ToString("N");
        var before = await app.WithDbAsync(d => d.Set<AuditEntry>().CountAsync(e => e.StateCode == "AUS"
            && e.Action == "cooperation.request.submit"));

        fault.Armed = true;
        using (var failed = await SendAsync(client, key, to: "JPN"))
        {
            Assert.True(failed.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{(int)failed.StatusCode}: {await failed.Content.ReadAsStringAsync()}");
            Assert.True(failed.Headers.RetryAfter is not null, "503 without Retry-After");
            var problem = await failed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.EndsWith("/unavailable", problem.GetProperty("type").GetString());
            Assert.Equal("El servicio no está disponible momentáneamente; no se guardó nada. Inténtelo de nuevo en breve.",
                problem.GetProperty("title").GetString());
        }
        Assert.True(fault.Tripped, "the fault was not injected");
        // The disk has room again: the capped connection leaves the pool.
        if (db == Db.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // Nothing of the failed save is there: no request, no key, no audit entry.
        Assert.False(await app.WithDbAsync(d => d.Set<SubmissionKey>().AnyAsync(k => k.Key == key)));
        Assert.Equal(before, await app.WithDbAsync(d => d.Set<AuditEntry>().CountAsync(e => e.StateCode == "AUS"
            && e.Action == "cooperation.request.submit")));

        // The storage is back: the client's retry with the same key is accepted, once.
        using var retried = await SendAsync(client, key, to: "JPN");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var id = Guid.Parse((await retried.Content.ReadFromJsonAsync<JsonElement>()).Id());
        using var replayed = await SendAsync(client, key, to: "JPN");
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<SubmissionKey>().CountAsync(k => k.Key == key)));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<RequestEvent>().CountAsync(e => e.RequestId == id)));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string key, string to = "BRA")
    {
        // Long enough (some 40 KB) that storing it needs new database pages.
        var fields = CooperationTestData.CompleteFields("mla");
        foreach (var name in fields.Keys.Where(n => n is "facts" or "assistanceSought" or "purpose" or "subject").ToList())
            fields[name] = string.Concat(Enumerable.Repeat($"{name} {key} ", 8000))[..7900];
        var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions")
        {
            Content = JsonContent.Create(CooperationTestData.Body("mla", to, fields, language: "en"), options: HttpAssertions.Json),
        };
        m.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(m);
    }

    /// <summary>
    /// Makes the storage fail for real just before the request row is written, once: on PostgreSQL the
    /// server ends the connection (as when the database is restarted or the network drops); on SQLite
    /// the database file is capped at its current size (as when the disk is full).
    /// </summary>
    private sealed class StorageFault(Db db) : DbCommandInterceptor
    {
        public volatile bool Armed;
        public volatile bool Tripped;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Trip(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Trip(command);
            return ValueTask.FromResult(result);
        }

        // The failure happens inside the very command that writes the request, within its transaction.
        private void Trip(DbCommand command)
        {
            if (!Armed || !command.CommandText.Replace("\"", "", StringComparison.Ordinal)
                .Contains("INSERT INTO cooperation_requests", StringComparison.Ordinal)) return;
            Armed = false;
            Tripped = true;
            if (db == Db.Postgres)
            {
                command.CommandText = "SELECT pg_terminate_backend(pg_backend_pid());\n" + command.CommandText;
                return;
            }
            // The size cap applies to this connection only; it cannot go below the file's current size.
            using var cap = command.Connection!.CreateCommand();
            cap.Transaction = command.Transaction;
            cap.CommandText = "PRAGMA max_page_count = 1";
            cap.ExecuteNonQuery();
        }
    }
}
