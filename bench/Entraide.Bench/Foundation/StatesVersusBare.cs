using Entraide.Bench.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entraide.Bench.Foundation;

/// <summary>
/// <c>GET /api/v1/states</c> of Entraide against a bare ASP.NET Core minimal endpoint, same machine,
/// same run, same load (wrk, 2 threads, 50 connections). Target: ≥ 40 % of the bare throughput, p99 &lt; 20 ms.
/// </summary>
public sealed class StatesVersusBare : IBenchCommand
{
    public string Name => "states-vs-bare";
    public string Description => "Throughput and p99 of GET /api/v1/states vs a bare minimal endpoint (--seconds 10 --connections 50)";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Int(args, "seconds", 10);
        var connections = BenchArgs.Int(args, "connections", 50);

        var (app, url, _) = await BenchHost.StartAsync(null, demo: false);

        // The baseline serves the very same bytes, so the ratio measures what Entraide's pipeline
        // (routing, authentication, localisation, security headers, problem handling) costs.
        using var fetch = new HttpClient();
        var payload = await fetch.GetByteArrayAsync(url + "/api/v1/states?lang=fr");
        var bare = WebApplication.CreateSlimBuilder();
        bare.WebHost.UseUrls("http://127.0.0.1:0");
        bare.Logging.ClearProviders();
        var bareApp = bare.Build();
        bareApp.MapGet("/", () => Results.Bytes(payload, "application/json; charset=utf-8"));
        await bareApp.StartAsync();
        var bareUrl = bareApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"payload: {payload.Length:N0} bytes (195 States in French), served by both");
        try
        {
            var results = new List<LoadResult>();
            foreach (var round in new[] { "warm-up", "measure" })
            {
                var b = await RunAsync("bare minimal endpoint, same bytes", bareUrl + "/", connections, round == "warm-up" ? 3 : seconds);
                var s = await RunAsync("GET /api/v1/states?lang=fr", url + "/api/v1/states?lang=fr", connections, round == "warm-up" ? 3 : seconds);
                if (round == "measure") results.AddRange([b, s]);
            }
            foreach (var r in results) Console.WriteLine(r);
            var ratio = results[1].PerSecond / results[0].PerSecond;
            Console.WriteLine($"ratio: {ratio:P1} of bare (target ≥ 40 %), p99 {results[1].P99Ms:0.00} ms (target < 20 ms)");
            return ratio >= 0.40 && results[1].P99Ms < 20 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await bareApp.StopAsync();
        }
    }

    private static async Task<LoadResult> RunAsync(string name, string url, int connections, int seconds)
    {
        if (Wrk.Available) return await Wrk.RunAsync(name, url, connections, seconds);
        using var client = LoadDriver.Client(url, connections);
        return await LoadDriver.RunAsync(name, connections, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), async (_, _, ct) =>
        {
            using var r = await client.GetAsync(url, ct);
            return r.IsSuccessStatusCode;
        });
    }
}
