using System.Diagnostics;
using System.Globalization;
using Entraide.Bench.Infrastructure;

namespace Entraide.Bench.Foundation;

/// <summary>
/// Starts the published server as a separate process on a fresh data folder (first start: creates and
/// migrates the SQLite database) and on an existing one, and times the start until <c>/health/ready</c>
/// answers 200; then reads the idle resident memory. Target: &lt; 3 s, &lt; 200 MB.
/// </summary>
public sealed class ColdStart : IBenchCommand
{
    public string Name => "cold-start";
    public string Description => "Time to /health/ready and idle memory of the server (--dll path/to/Entraide.App.dll --runs 5)";

    public async Task<int> RunAsync(string[] args)
    {
        var dll = Path.GetFullPath(BenchArgs.Get(args, "dll", "src/Entraide.App/bin/Release/net10.0/Entraide.App.dll"));
        var runs = BenchArgs.Int(args, "runs", 5);
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} not found: dotnet build -c Release src/Entraide.App first.");
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var fresh = new List<double>();
        var warm = new List<double>();
        var freshCpu = new List<double>();
        var warmCpu = new List<double>();
        var memory = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "entraide-cold-" + Guid.NewGuid().ToString("N")[..8]);
            var (f, fc) = await StartAsync(dll, dir, 5191, http, null);
            fresh.Add(f);
            freshCpu.Add(fc);
            var (w, wc) = await StartAsync(dll, dir, 5191, http, memory);
            warm.Add(w);
            warmCpu.Add(wc);
            Directory.Delete(dir, true);
        }
        double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first start (create + migrate + seed): median {Median(fresh):0} ms over {runs} runs " +
            $"(min {fresh.Min():0}, max {fresh.Max():0}); " +
            $"CPU to ready median {Median(freshCpu):0} ms (min {freshCpu.Min():0}, max {freshCpu.Max():0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start on an existing database: median {Median(warm):0} ms (min {warm.Min():0}, max {warm.Max():0}); " +
            $"CPU to ready median {Median(warmCpu):0} ms (min {warmCpu.Min():0}, max {warmCpu.Max():0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle resident memory 5 s after ready: median {Median(memory):0.0} MB (max {memory.Max():0.0})"));
        return Median(fresh) < 3000 && memory.Max() < 200 ? 0 : 1;
    }

    /// <summary>User + system CPU time the process has used (Linux <c>/proc/PID/stat</c>, in clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException) { return double.NaN; }
    }

    private static async Task<(double Ms, double CpuMs)> StartAsync(string dll, string dataDir, int port, HttpClient http, List<double>? memory)
    {
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.Environment["Entraide__DataDirectory"] = dataDir;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // As production, without the key-encryption certificate production requires (a warning only).
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        psi.Environment["Audit__MacKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        double ms, cpu;
        while (true)
        {
            try
            {
                using var r = await http.GetAsync($"http://127.0.0.1:{port}/health/ready");
                if (r.IsSuccessStatusCode) { ms = clock.Elapsed.TotalMilliseconds; cpu = CpuMilliseconds(p.Id); break; }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("server did not become ready");
            await Task.Delay(10);
        }
        if (memory is not null)
        {
            await Task.Delay(5000);
            p.Refresh();
            memory.Add(p.WorkingSet64 / 1024.0 / 1024.0);
        }
        p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync();
        return (ms, cpu);
    }
}
