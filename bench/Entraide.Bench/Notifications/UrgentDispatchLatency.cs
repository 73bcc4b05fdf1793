using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications;
using Entraide.App.Notifications.Webhooks;
using Entraide.Bench.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Entraide.Bench.Notifications;

/// <summary>
/// Notifications under load: writers commit notifications (a share of them urgent) at a fixed total
/// rate, each in its own unit of work as a module would, to the State FRA, which has a webhook
/// pointing at a local receiver. Measured: the writers' enqueue+commit time (what a caller pays), and
/// for urgent notifications the time from the start of the enqueue to the signed webhook call
/// arriving at the receiver (the "push"). The in-app notification is visible at commit, by
/// construction (same transaction). Target: urgent push p99 under 100 ms at 500 notifications/s.
/// </summary>
public sealed class UrgentDispatchLatency : IBenchCommand
{
    public string Name => "notifications-urgent";
    public string Description =>
        "Urgent notification enqueue→webhook latency under load (--rate 500 --seconds 20 --writers 50 --urgent 20 [--postgres \"Host=…\"])";

    public async Task<int> RunAsync(string[] args)
    {
        var rate = BenchArgs.Int(args, "rate", 500);
        var seconds = BenchArgs.Int(args, "seconds", 20);
        var writers = BenchArgs.Int(args, "writers", 50);
        var urgentPercent = BenchArgs.Int(args, "urgent", 20);
        var postgres = BenchArgs.Get(args, "postgres", "");

        string? cs = null;
        if (postgres.Length > 0)
        {
            var dbName = "entraide_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using var c = new NpgsqlConnection(postgres);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {dbName}", c);
            await cmd.ExecuteNonQueryAsync();
            cs = new NpgsqlConnectionStringBuilder(postgres) { Database = dbName, MaxPoolSize = 200 }.ToString();
        }

        // The State's system: records when each call arrives, keyed by the notification's subject.
        var arrivals = new ConcurrentDictionary<Guid, long>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        receiverBuilder.Logging.ClearProviders();
        var receiver = receiverBuilder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            using var doc = await JsonDocument.ParseAsync(request.Body);
            if (doc.RootElement.GetProperty("subjectId").GetString() is { } s) arrivals.TryAdd(Guid.Parse(s), at);
            return Results.Ok();
        });
        await receiver.StartAsync();
        var receiverUrl = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (app, _, dataDir) = await BenchHost.StartAsync(cs, demo: true, b =>
        {
            b.Configuration["Notifications:AllowHttpWebhooks"] = "true";
            // The receiver stands for FRA's own system, on this machine.
            b.Configuration["Notifications:WebhookAllowList:FRA:0"] = "127.0.0.1";
        });
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var actor = (Entraide.App.Trust.HttpCurrentActor)scope.ServiceProvider.GetRequiredService<Entraide.App.Trust.ICurrentActor>();
                actor.Set(new Actor("bench", "bench", "FRA", new HashSet<string> { Roles.StateAdministrator }));
                await scope.ServiceProvider.GetRequiredService<CreateWebhookHandler>()
                    .HandleAsync(new CreateWebhook(receiverUrl + "/hook", ["*"], "bench receiver"), CancellationToken.None);
            }

            var started = new ConcurrentDictionary<Guid, long>();
            var urgentIds = new ConcurrentBag<Guid>();
            var commitMs = new ConcurrentBag<double>();
            var errors = 0;
            var interval = TimeSpan.FromSeconds((double)writers / rate);

            async Task RunWritersAsync(TimeSpan length, bool record)
            {
                var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
                await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
                {
                    var rnd = new Random(w);
                    // Spread the writers' first sends over one interval so the rate is smooth.
                    var next = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency * w / writers);
                    while (Stopwatch.GetTimestamp() < until)
                    {
                        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                        if (wait > TimeSpan.Zero) await Task.Delay(wait);
                        next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                        var urgent = rnd.Next(100) < urgentPercent;
                        var subject = Guid.CreateVersion7();
                        var t0 = Stopwatch.GetTimestamp();
                        try
                        {
                            await using var scope = app.Services.CreateAsyncScope();
                            var outbox = scope.ServiceProvider.GetRequiredService<INotifications>();
                            outbox.Enqueue(new Notification("FRA", [Roles.PointOfContact],
                                urgent ? NotificationKinds.EmergencyEscalated : NotificationKinds.RequestMessage,
                                $"/requests/{subject}", subject, urgent, ["FRA-2026-0001", "Brazil", "8"]));
                            if (record)
                            {
                                started[subject] = t0;
                                if (urgent) urgentIds.Add(subject);
                            }
                            await scope.ServiceProvider.GetRequiredService<EntraideDbContext>().SaveChangesAsync();
                            if (record) commitMs.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                        }
                        catch (Exception)
                        {
                            Interlocked.Increment(ref errors);
                            started.TryRemove(subject, out _);
                        }
                    }
                }));
            }

            await RunWritersAsync(TimeSpan.FromSeconds(3), record: false);
            var clock = Stopwatch.StartNew();
            await RunWritersAsync(TimeSpan.FromSeconds(seconds), record: true);
            var writeTime = clock.Elapsed;

            // Let the backlog drain (bounded), then read the latencies.
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60) && started.Keys.Any(k => !arrivals.ContainsKey(k))) await Task.Delay(200);
            var drained = deadline.Elapsed;

            double[] Latencies(IEnumerable<Guid> ids) =>
                [.. ids.Where(arrivals.ContainsKey).Select(id => Stopwatch.GetElapsedTime(started[id], arrivals[id]).TotalMilliseconds).Order()];
            static double P(double[] sorted, double q) =>
                sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

            var urgentLat = Latencies(urgentIds);
            var normalLat = Latencies(started.Keys.Except(urgentIds));
            var commits = commitMs.Order().ToArray();
            var missing = started.Keys.Count(k => !arrivals.ContainsKey(k));
            var provider = cs is null ? "SQLite" : "PostgreSQL";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: {started.Count} notifications in {writeTime.TotalSeconds:0.0} s = {started.Count / writeTime.TotalSeconds:0}/s " +
                $"({urgentIds.Count} urgent), {errors} errors, {missing} not delivered after {drained.TotalSeconds:0.0} s drain"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  enqueue+commit (caller's cost): p50 {P(commits, .5):0.0} ms, p95 {P(commits, .95):0.0} ms, p99 {P(commits, .99):0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  urgent enqueue→webhook: p50 {P(urgentLat, .5):0.0} ms, p95 {P(urgentLat, .95):0.0} ms, p99 {P(urgentLat, .99):0.0} ms, " +
                $"max {(urgentLat.Length == 0 ? double.NaN : urgentLat[^1]):0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ordinary enqueue→webhook: p50 {P(normalLat, .5):0.0} ms, p95 {P(normalLat, .95):0.0} ms, p99 {P(normalLat, .99):0.0} ms"));
            return missing == 0 && P(urgentLat, .99) < 100 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await receiver.StopAsync();
            try { Directory.Delete(dataDir, true); } catch (IOException) { }
        }
    }
}
