using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Cli;
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
        var secret = await CliAsync(["tokens", "create", "crash-driver", "--state", "FRA", "--role", "state-admin", .. cli]);
        var port = FreePort();
        // The in-process test host shares the database; stop its chainer competing by disposing it first.
        await app.DisposeAsyncKeepingDatabase();

        using var server = Start(app, port, provider);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Trim());
        await WaitReadyAsync(http);

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
                catch (HttpRequestException) { return; }
                catch (TaskCanceledException) { return; }
            }
        })).ToList();

        while (acknowledged.Count < 40) await Task.Delay(20);
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        stop.Cancel();
        await Task.WhenAll(workers);

        // Restart: the server chains what was committed but not yet linked.
        using var again = Start(app, port, provider);
        await WaitReadyAsync(http);
        again.Kill(entireProcessTree: true);
        await again.WaitForExitAsync();

        var stored = await app.WithFreshDbAsync(d => d.Set<ApiToken>().Where(t => t.Name.StartsWith("crash-")).Select(t => t.Name).ToListAsync());
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());

        await CliAsync(["audit", "chain", .. cli]);
        var verify = await CliAsync(["audit", "verify", .. cli]);
        Assert.Contains("intact", verify);
    }

    private static async Task<string> CliAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EntraideCli.RunAsync(args, output, error);
        Assert.True(code == 0, $"entraide {string.Join(' ', args.Take(2))}: {error}");
        return output.ToString();
    }

    private static Process Start(TestApp app, int port, string provider)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Entraide.App.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = app.DataDirectory,
        };
        psi.Environment["ConnectionStrings__Entraide"] = app.ConnectionString;
        psi.Environment["Database__Provider"] = provider;
        psi.Environment["Entraide__DataDirectory"] = app.DataDirectory;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                using var r = await http.GetAsync("/health/ready");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not become ready.");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
