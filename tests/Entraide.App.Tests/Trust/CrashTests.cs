using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Cli;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Trust;

/// <summary>
/// The server process is killed (SIGKILL) in the middle of a burst of writes: every write it
/// acknowledged is still there after restart, nothing is duplicated, and the audit chain verifies.
/// </summary>
public sealed class CrashTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task KillDuringWrites_LosesNoAcknowledgedWrite_AndTheChainVerifies(Db db)
    {
        await using var app = new TestApp(db);
        _ = app.Server; // creates and migrates the database
        var provider = db == Db.Postgres ? "postgres" : "sqlite";
        var cli = new[] { "--connection", app.ConnectionString, "--provider", provider };
        var secret = await ServerProcess.CliAsync(["tokens", "create", "crash-driver", "--state", "FRA", "--role", "state-admin", .. cli]);
        var port = ServerProcess.FreePort();
        // The in-process test host shares the database; stop its chainer competing by disposing it first.
        await app.DisposeAsyncKeepingDatabase();

        using var server = ServerProcess.Start(app, port, provider);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Trim());
        await ServerProcess.WaitReadyAsync(http);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"crash-{w}-{i}";
                try
                {
                    using var r = await http.PostJsonAsync("/api/v1/tokens", new { name, roles = new[] { "central-authority" } });
                    if (r.StatusCode == HttpStatusCode.Created) acknowledged.Add(name);
                }
                // A slow answer on a busy machine is not the end of the burst; the kill is.
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (stop.IsCancellationRequested) return;
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await ServerProcess.UntilAsync(() => acknowledged.Count >= 40, "40 acknowledged writes before the kill");
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        stop.Cancel();
        await Task.WhenAll(workers);

        // Restart: the server chains what was committed but not yet linked.
        using var again = ServerProcess.Start(app, port, provider);
        await ServerProcess.WaitReadyAsync(http);
        again.Kill(entireProcessTree: true);
        await again.WaitForExitAsync();

        var stored = await app.WithFreshDbAsync(d => d.Set<ApiToken>().Where(t => t.Name.StartsWith("crash-")).Select(t => t.Name).ToListAsync());
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());

        await ServerProcess.CliAsync(["audit", "chain", .. cli]);
        var verify = await ServerProcess.CliAsync(["audit", "verify", .. cli]);
        Assert.Contains("intact", verify);
    }
}
