using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Entraide.Cli;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>Entraide run as a separate server process on a test database, for tests that kill it; and the CLI in-process.</summary>
public static class ServerProcess
{
    public static async Task<string> CliAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EntraideCli.RunAsync(args, output, error);
        Assert.True(code == 0, $"entraide {string.Join(' ', args.Take(2))}: {error}");
        return output.ToString();
    }

    public static Process Start(TestApp app, int port, string provider)
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
        // Run as in production, which requires a key-encryption certificate for the data-protection keys.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DataProtection__Certificate__Path"] = TestCertificates.WritePfx(Path.Combine(app.DataDirectory, "kek"));
        psi.Environment["DataProtection__Certificate__Password"] = TestCertificates.Password;
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    public static async Task WaitReadyAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            try
            {
                // "Healthy", not just 200: the server answers "Degraded" while it still seeds and warms up
                // in the background, and these tests time a burst of writes that should not compete with that.
                using var r = await http.GetAsync("/health/ready");
                if (r.IsSuccessStatusCode && ReadyStatus(await r.Content.ReadAsStringAsync()) == "Healthy") return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not become ready.");
    }

    /// <summary>The <c>status</c> of a <c>/health/ready</c> body ("Starting", "Degraded", "Healthy" …).</summary>
    public static string? ReadyStatus(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Waits for a condition, failing with its description after <paramref name="limit"/> (3 minutes) rather than hanging the run.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(3));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
