using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Entraide.Bench.Infrastructure;

/// <summary>Runs wrk (Debian package <c>wrk</c>) against a loopback URL and reads its summary.</summary>
public static partial class Wrk
{
    public static bool Available => File.Exists("/usr/bin/wrk");

    public static async Task<LoadResult> RunAsync(string name, string url, int connections, int seconds, int threads = 2)
    {
        var psi = new ProcessStartInfo("/usr/bin/wrk", $"-t{threads} -c{connections} -d{seconds}s --latency {url}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        double Pct(string q) => Latency(LatencyLine(q).Match(output));
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(name, requests, errors, TimeSpan.FromSeconds(requests / Math.Max(rps, 1)), Pct("50"), Pct("90"), Pct("99"), 0);
    }

    private static double Latency(Match m)
    {
        if (!m.Success) return double.NaN;
        var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, _ => v };
    }

    private static Regex LatencyLine(string q) => new($@"^\s*{q}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
