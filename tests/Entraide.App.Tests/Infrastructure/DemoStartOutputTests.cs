using System.Diagnostics;
using System.Net.Sockets;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>What a newcomer sees on the console of <c>--demo</c>: the credentials, boxed, after the server says it listens.</summary>
public sealed class DemoStartOutputTests
{
    [Fact]
    public async Task DemoStart_PrintsTheBoxedCredentials_AfterTheServerListens_AndLast()
    {
        var dir = Path.Combine(Path.GetTempPath(), "entraide-demo-out-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var dll = Path.Combine(AppContext.BaseDirectory, "Entraide.App.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --demo --urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Entraide__DataDirectory"] = dir;
        psi.Environment["Entraide__DemoContent"] = "false";
        psi.Environment["Entraide__PasswordHashIterations"] = "1000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var lines = new List<string>();
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(180) && !Snapshot(lines).Any(l => l.StartsWith('╚'))) await Task.Delay(200);
            // Whatever start-up still had to say, it has said it within a few seconds.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var output = Snapshot(lines);
            var listening = output.FindIndex(l => l.Contains("Now listening on", StringComparison.Ordinal));
            var top = output.FindIndex(l => l.StartsWith('╔'));
            var bottom = output.FindLastIndex(l => l.StartsWith('╚'));
            Assert.True(listening >= 0 && top > listening, "The credentials come after \"Now listening on\":\n" + string.Join('\n', output));
            Assert.Contains(output[top..bottom], l => l.Contains($"http://127.0.0.1:{port}", StringComparison.Ordinal));
            Assert.All(output[(bottom + 1)..], l => Assert.True(string.IsNullOrWhiteSpace(l), "Printed after the credentials: " + l));
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines) return [.. lines];
    }
}
