using System.Diagnostics;
using System.Globalization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Bench.Infrastructure;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.Bench.Network;

/// <summary>
/// The public register with every one of the 195 States filled in (a central authority, a 24/7 point
/// and, for one State in three, an extradition authority): one request at a time, so the latency is
/// the server's time plus loopback. Pages in English and Arabic, the printable version, the JSON API;
/// then the CSV export, timing its first byte against its last to show it streams.
/// Target: the register page under 100 ms.
/// </summary>
public sealed class RegisterRender : IBenchCommand
{
    public string Name => "network-register";
    public string Description => "Register of 195 States: page, print, JSON and CSV latency, one request at a time (--seconds 10 --postgres CONN)";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Int(args, "seconds", 10);
        var postgres = BenchArgs.Get(args, "postgres", "");
        var (app, url, _) = await BenchHost.StartAsync(postgres.Length == 0 ? null : postgres, demo: true);
        try
        {
            var count = await FillAsync(app.Services);
            Console.WriteLine($"register: 195 States, {count} authorities ({(postgres.Length == 0 ? "SQLite" : "PostgreSQL")})");
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await QueryOnlyAsync(app.Services);
            var results = new List<LoadResult>();
            foreach (var (name, path) in new[]
            {
                ("GET /register (page, en)", "/register?lang=en"),
                ("GET /register (page, ar)", "/register?lang=ar"),
                ("GET /register/print (zh)", "/register/print?lang=zh"),
                ("GET /api/v1/register (JSON, fr)", "/api/v1/register?lang=fr"),
                ("GET /api/v1/register/csv (es)", "/api/v1/register/csv?lang=es"),
                ("GET /register?kind=point-of-contact&q=a", "/register?kind=point-of-contact&q=a"),
            })
            {
                results.Add(await LoadDriver.RunAsync(name, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds), async (_, _, ct) =>
                {
                    using var r = await client.GetAsync(path, ct);
                    await r.Content.CopyToAsync(Stream.Null, ct);
                    return r.IsSuccessStatusCode;
                }));
            }
            foreach (var r in results) Console.WriteLine(r);

            // Streaming: the first bytes leave before the last row is written; no Content-Length is sent.
            var first = new List<double>();
            var last = new List<double>();
            long size = 0;
            bool chunked = false;
            for (var i = 0; i < 50; i++)
            {
                var t = Stopwatch.StartNew();
                using var r = await client.GetAsync("/api/v1/register/csv?lang=ar", HttpCompletionOption.ResponseHeadersRead);
                await using var body = await r.Content.ReadAsStreamAsync();
                var buffer = new byte[8192];
                var n = await body.ReadAsync(buffer);
                first.Add(t.Elapsed.TotalMilliseconds);
                size = n;
                while ((n = await body.ReadAsync(buffer)) > 0) size += n;
                last.Add(t.Elapsed.TotalMilliseconds);
                chunked = r.Content.Headers.ContentLength is null;
            }
            double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CSV (ar): {size / 1024.0:0.0} KiB, first byte median {Median(first):0.00} ms, last byte median {Median(last):0.00} ms, no " +
                    $"Content-Length (streamed): {chunked}"));
            var page = results[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"register page p95 {page.P95Ms:0.00} ms (target < 100 ms)"));
            return results.Take(3).All(r => r.P95Ms < 100 && r.Errors == 0) && chunked ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The register query alone, in process, to tell database and assembly time from rendering and HTTP.</summary>
    private static async Task QueryOnlyAsync(IServiceProvider services)
    {
        var times = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<Entraide.App.Network.Register.RegisterQueries>();
            var t = Stopwatch.StartNew();
            await query.RunAsync(new Entraide.App.Network.Register.RegisterFilter(), "en", CancellationToken.None);
            if (i >= 10) times.Add(t.Elapsed.TotalMilliseconds);
        }
        var sort = new List<double>();
        var load = new List<double>();
        var shape = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var t = Stopwatch.StartNew();
            _ = StateDirectory.Default.Sorted("en").Select(x => StateDirectory.Default.ListName(x.Iso3, "en")).ToList();
            sort.Add(t.Elapsed.TotalMilliseconds);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            t.Restart();
            var rows = await db.Set<Authority>().AsNoTracking().ToListAsync();
            load.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            foreach (var r in rows) _ = Entraide.App.Network.Profiles.Views.Of(r, Audience.Public, DateTimeOffset.UtcNow);
            shape.Add(t.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which: sort names median {sort.Order().ElementAt(15):0.00} ms, load rows {load.Order().ElementAt(15):0.00} ms, shape views " +
                $"{shape.Order().ElementAt(15):0.00} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"register query in process (load, sort, shape 195 States): median {times.Order().ElementAt(times.Count / 2):0.00} ms, min " +
                $"{times.Min():0.00} ms"));
    }

    private static readonly Entraide.Domain.Trust.Actor Bench = Entraide.Domain.Trust.Actor.System with { DisplayName = "bench" };

    /// <summary>Gives every State without authorities a central authority, a 24/7 point and sometimes an extradition authority.</summary>
    private static async Task<int> FillAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var have = await db.Set<Authority>().Select(a => a.State).Distinct().ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var i = 0;
        foreach (var s in StateDirectory.Default.All.Where(s => !have.Contains(s.Iso3)))
        {
            var name = StateDirectory.Default.ListName(s.Iso3, "en");
            var kinds = i++ % 3 == 0
                ? new[] { AuthorityKinds.CentralAuthority, AuthorityKinds.PointOfContact, AuthorityKinds.ExtraditionAuthority }
                : new[] { AuthorityKinds.CentralAuthority, AuthorityKinds.PointOfContact };
            foreach (var kind in kinds)
            {
                var point = kind == AuthorityKinds.PointOfContact;
                var details = new AuthorityDetails(kind, $"{name} — {kind}", $"1 Justice Square, capital of {name}", ["+1 555 0100", "+1 555 0101"],
                    $"{kind}.{s.Iso3.ToLowerInvariant()}@example.org", ["en", "fr"],
                    point ? OfficeSchedule.Empty : OfficeSchedule.Parse("mon-fri 09:00-17:00"),
                    "Etc/UTC", ReplyChannels.Platform, point, !point, !point, !point);
                var a = Authority.Designate(s.Iso3, details, Bench, now);
                if (point) a.Verified(now.AddDays(-30), laterMessageSent: false);
                db.Add(a);
            }
        }
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<Entraide.App.Network.Register.RegisterSnapshot>().Invalidate();
        return await db.Set<Authority>().CountAsync();
    }
}
