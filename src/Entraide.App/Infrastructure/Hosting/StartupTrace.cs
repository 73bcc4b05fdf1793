using System.Diagnostics;
using System.Globalization;

namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// With <c>ENTRAIDE_STARTUP_TRACE=1</c>, prints each start-up step with the time since the process
/// started to standard error, to see where a cold start goes. Costs nothing when off.
/// </summary>
internal static class StartupTrace
{
    public static readonly bool On = Environment.GetEnvironmentVariable("ENTRAIDE_STARTUP_TRACE") == "1";
    private static long _last;

    public static void Mark(string step)
    {
        if (!On) return;
        var now = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var delta = now - Interlocked.Exchange(ref _last, (long)now);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[start-up] {now,7:0} ms (+{delta,5:0}) {step}"));
    }
}

/// <summary>With the trace on, marks when the server starts building its request pipeline.</summary>
internal sealed class StartupTraceFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        StartupTrace.Mark("server start: building the request pipeline");
        next(app);
    };
}
