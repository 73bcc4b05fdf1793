using System.Diagnostics;
using System.Globalization;

namespace Entraide.Bench.Infrastructure;

public sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Duration, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    /// <summary>Processor time this process (client and in-process server) spent per request during the measured window.</summary>
    public double CpuMsPerRequest { get; init; }

    /// <summary>
    /// Open loop: p99 of how late requests left after they were due (waiting for a connection, or for the driver's
    /// turn on the shared cores).
    /// </summary>
    public double SendLagP99Ms { get; init; }

    /// <summary>
    /// Open loop: the slowest moments (wall clock, UTC) — the worst latency of requests due in each 100 ms — to line up
    /// with the database's log.
    /// </summary>
    public string Stalls { get; init; } = "";

    /// <summary>
    /// Methods the JIT compiled during the measured window and the time it spent on them: code still being
    /// promoted to its optimised tier makes the processor time per request higher than that of the code itself.
    /// </summary>
    public JitWork Jit { get; init; }

    public double PerSecond => Requests / Duration.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {PerSecond:0} req/s, p50 {P50Ms:0.00} ms, p95 {P95Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.0} ms, " +
        $"{Requests} requests, {Errors} errors, {CpuMsPerRequest:0.00} ms CPU/request in this process, {Jit}");
}

/// <summary>What the JIT compiled in this process over a span of time.</summary>
public readonly record struct JitWork(long Methods, TimeSpan Time)
{
    public static JitWork Now() =>
        new(System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false), System.Runtime.JitInfo.GetCompilationTime(currentThread: false));

    public JitWork Since(JitWork start) => new(Methods - start.Methods, Time - start.Time);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"JIT in the window: {Methods} methods, {Time.TotalMilliseconds:0} ms");
}

/// <summary>
/// A closed-loop load driver: <c>concurrency</c> workers each send one request after another for a
/// fixed time after a warm-up; every latency is kept so percentiles are exact. Traffic goes to
/// loopback only.
/// </summary>
public static class LoadDriver
{
    /// <param name="settle">
    /// After the warm-up, go on warming up 5 s at a time (at most 2 minutes more) while the JIT still compiled more
    /// than 20 methods in the last 5 s: the window then measures the code in its final tier, not its promotion.
    /// </param>
    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan warmup, TimeSpan duration,
        Func<int, long, CancellationToken, Task<bool>> send, bool settle = false)
    {
        await WarmAsync(warmup);
        if (settle)
        {
            var extra = TimeSpan.Zero;
            var last = JitWork.Now();
            while (extra < TimeSpan.FromMinutes(2))
            {
                await WarmAsync(TimeSpan.FromSeconds(5));
                extra += TimeSpan.FromSeconds(5);
                var now = JitWork.Now();
                var compiled = now.Since(last).Methods;
                last = now;
                if (compiled <= 20) break;
            }
            Console.WriteLine($"{name}: warm-up extended by {extra.TotalSeconds:0} s until the JIT settled");
        }

        async Task WarmAsync(TimeSpan span)
        {
            using var warm = new CancellationTokenSource(span);
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
            {
                long i = 0;
                while (!warm.IsCancellationRequested)
                {
                    try { await send(w, i++, CancellationToken.None); } catch (HttpRequestException) { }
                }
            }));
        }

        var latencies = new List<double>[concurrency];
        var errors = new long[concurrency];
        using var stop = new CancellationTokenSource(duration);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = JitWork.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            long i = 0;
            while (!stop.IsCancellationRequested)
            {
                var t = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await send(w, i++, CancellationToken.None); }
                catch (HttpRequestException) { ok = false; }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!ok) errors[w]++;
            }
        }));
        var elapsed = clock.Elapsed;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(
            name,
            all.Length,
            errors.Sum(),
            elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            all.Length == 0 ? 0 : all[^1])
        {
            CpuMsPerRequest = all.Length == 0 ? 0 : cpuMs / all.Length,
            Jit = JitWork.Now().Since(jit),
        };
    }

    /// <summary>
    /// An open-loop load: requests are due at a fixed rate whatever the answers' speed, at most
    /// <paramref name="concurrency"/> in flight (the clients' connections). Each latency runs from the
    /// moment the request was due, so time spent waiting for a free connection counts (no coordinated
    /// omission): a server that cannot keep up shows it in the percentiles, not in a lower rate.
    /// </summary>
    public static async Task<LoadResult> RunAtRateAsync(string name, double perSecond, int concurrency, TimeSpan warmup, TimeSpan duration,
        Func<int, long, CancellationToken, Task<bool>> send)
    {
        if (warmup > TimeSpan.Zero) await RunPacedAsync(perSecond, concurrency, warmup, send, null, null);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var lags = new System.Collections.Concurrent.ConcurrentBag<double>();
        var windows = new System.Collections.Concurrent.ConcurrentDictionary<long, double>();
        long errors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = JitWork.Now();
        var gc = GC.GetTotalPauseDuration();
        var gcCounts = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var startedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        // The thread pool's queue, sampled every 20 ms: a queue that grows while the processor has time to
        // spare points at threads blocked (or too few of them), not at the database.
        // The sampler's own gaps: a timer that fires far later than its 20 ms means the whole process (a
        // garbage collection's suspension) or the machine stood still; a slow database does not delay it.
        var queue = new System.Collections.Concurrent.ConcurrentDictionary<long, (long Pending, int Threads)>();
        double lastTick = 0, worstGap = 0, worstGapAt = 0, worstGc = 0;
        long lastGc = -1;
        using var sampler = new Timer(_ =>
        {
            var ms = clock.Elapsed.TotalMilliseconds;
            var at = (long)(ms / 100);
            var now = (ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount);
            queue.AddOrUpdate(at, now, (_, was) => (Math.Max(was.Pending, now.PendingWorkItemCount), Math.Max(was.Threads, now.ThreadCount)));
            if (lastTick > 0 && ms - lastTick > worstGap) (worstGap, worstGapAt) = (ms - lastTick, lastTick);
            lastTick = ms;
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != lastGc)
            {
                lastGc = info.Index;
                foreach (var pause in info.PauseDurations) worstGc = Math.Max(worstGc, pause.TotalMilliseconds);
            }
        }, null, 0, 20);
        await RunPacedAsync(perSecond, concurrency, duration, send, latencies, () => Interlocked.Increment(ref errors), lags, windows);
        var elapsed = clock.Elapsed;
        var gcPause = (GC.GetTotalPauseDuration() - gc).TotalMilliseconds;
        var stalls = string.Join(", ", windows.OrderByDescending(w => w.Value).Take(5).Select(w =>
            string.Create(CultureInfo.InvariantCulture, $"{startedAt.AddMilliseconds(w.Key * 100):HH:mm:ss.f} {w.Value:0} ms")));
        var busiest = queue.OrderByDescending(q => q.Value.Pending).Take(3).Select(q =>
            string.Create(CultureInfo.InvariantCulture,
                $"{startedAt.AddMilliseconds(q.Key * 100):HH:mm:ss.f} {q.Value.Pending} queued on {q.Value.Threads} threads"));
        stalls += "; thread pool's longest queues: " + string.Join(", ", busiest);
        stalls += string.Create(CultureInfo.InvariantCulture,
            $"; longest gap between the sampler's 20 ms ticks: {worstGap:0} ms at {startedAt.AddMilliseconds(worstGapAt):HH:mm:ss.f}; " +
            $"longest collection pause seen: {worstGc:0} ms");
        stalls += string.Create(CultureInfo.InvariantCulture,
            $"; GC {gcPause:0} ms in {GC.CollectionCount(0) - gcCounts.Item1}/{GC.CollectionCount(1) - gcCounts.Item2}/" +
            $"{GC.CollectionCount(2) - gcCounts.Item3} collections (gen 0/1/2)");
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var all = latencies.ToArray();
        Array.Sort(all);
        var lag = lags.ToArray();
        Array.Sort(lag);
        return new LoadResult(
            name,
            all.Length,
            errors,
            elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            all.Length == 0 ? 0 : all[^1])
        {
            CpuMsPerRequest = all.Length == 0 ? 0 : cpuMs / all.Length,
            SendLagP99Ms = Percentile(lag, 0.99),
            Stalls = stalls,
            Jit = JitWork.Now().Since(jit),
        };
    }

    private static async Task RunPacedAsync(
        double perSecond,
        int concurrency,
        TimeSpan duration,
        Func<int, long, CancellationToken, Task<bool>> send,
        System.Collections.Concurrent.ConcurrentBag<double>? latencies,
        Action? error,
        System.Collections.Concurrent.ConcurrentBag<double>? lags = null,
        System.Collections.Concurrent.ConcurrentDictionary<long, double>? windows = null)
    {
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var free = new System.Collections.Concurrent.ConcurrentQueue<int>(Enumerable.Range(0, concurrency));
        var running = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(perSecond * duration.TotalSeconds);
        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            await slots.WaitAsync();
            free.TryDequeue(out var worker);
            var n = i;
            running.Add(Task.Run(async () =>
            {
                bool ok;
                // How late the request left (a free connection, the driver's own scheduling): part of its latency.
                lags?.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                try { ok = await send(worker, n, CancellationToken.None); }
                catch (HttpRequestException) { ok = false; }
                var latency = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                latencies?.Add(latency);
                windows?.AddOrUpdate((long)(n / perSecond * 10), latency, (_, worst) => Math.Max(worst, latency));
                if (!ok) error?.Invoke();
                free.Enqueue(worker);
                slots.Release();
            }));
        }
        await Task.WhenAll(running);
    }

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0–1) of sorted values; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    public static HttpClient Client(string baseUrl, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
}
