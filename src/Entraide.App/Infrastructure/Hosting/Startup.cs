using Entraide.App.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// Where start-up stands. <see cref="Prepared"/>: the database is migrated and the reference data
/// (roles) is in — the server serves and <c>/health/ready</c> answers 200. <see cref="Seeded"/>: the
/// background seeding that follows (demo content with <c>--demo</c>, the search index) is done too.
/// </summary>
public sealed class StartupState
{
    private readonly TaskCompletionSource _prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Prepared => _prepared.Task;
    public Task Seeded => _seeded.Task;

    internal void SetPrepared(Exception? failure)
    {
        if (failure is null) _prepared.TrySetResult(); else _prepared.TrySetException(failure);
    }

    internal void SetSeeded(Exception? failure)
    {
        if (failure is null) _seeded.TrySetResult(); else _seeded.TrySetException(failure);
    }
}

/// <summary>
/// Migrates and seeds the reference data while the rest of the host starts (Kestrel binds, the
/// pipeline is built: the two overlap on a multi-core machine); the host's start completes only once
/// that is done, and requests that arrive earlier wait for it (<see cref="StartupGate"/>). Then runs
/// the other seeders in the background.
/// </summary>
internal sealed class DatabasePreparation(
    IServiceProvider services, IConfiguration config, StartupState state, IHostApplicationLifetime lifetime,
    ILogger<DatabasePreparation> logger) : IHostedLifecycleService
{
    private Task? _prepare;
    private Task? _background;
    private readonly CancellationTokenSource _stopping = new();

    private readonly Lock _gate = new();

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Begin();
        return Task.CompletedTask;
    }

    /// <summary>Starts the preparation (once): <see cref="EntraideHost.Build"/> calls it as soon as the services exist.</summary>
    public void Begin()
    {
        lock (_gate) _prepare ??= Task.Run(PrepareAsync, CancellationToken.None);
    }

    private async Task PrepareAsync()
    {
        var ct = _stopping.Token;
        try
        {
            StartupTrace.Mark("preparation starts");
            if (config.GetValue("Database:MigrateOnStart", true)) await DatabaseSetup.MigrateAsync(services, ct);
            StartupTrace.Mark("database migrated");
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Seeding.SeedRunner>()
                .RunAsync(config.GetValue("Entraide:Demo", false), Console.Out, SeedStage.Reference, ct);
            StartupTrace.Mark("reference data seeded");
            state.SetPrepared(null);
        }
        catch (Exception ex)
        {
            state.SetPrepared(ex);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        StartupTrace.Mark("hosted services starting");
        return Task.CompletedTask;
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        StartupTrace.Mark("hosted services and server started");
        await _prepare!.WaitAsync(cancellationToken);
        _background = Task.Run(SeedInBackgroundAsync, CancellationToken.None);
    }

    private async Task SeedInBackgroundAsync()
    {
        try
        {
            await WarmUpAsync(_stopping.Token);
            await using var scope = services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<Seeding.SeedRunner>()
                .RunAsync(config.GetValue("Entraide:Demo", false), Console.Out, SeedStage.Background, false, _stopping.Token);
            StartupTrace.Mark("background seeding done");
            state.SetSeeded(null);
            if (accounts.Count > 0) PrintWhenListening(accounts);
        }
        catch (Exception ex)
        {
            state.SetSeeded(ex);
            if (!_stopping.IsCancellationRequested)
            {
                LogSeedingFailed(logger, ex);
                // Demo content half seeded is not worth serving in silence: stop like a failed start would.
                lifetime.StopApplication();
            }
        }
    }

    /// <summary>The demo credentials, boxed, once the server listens (after its "Now listening on" lines).</summary>
    private void PrintWhenListening(IReadOnlyList<(string Account, string State, string Roles)> accounts)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            DemoCredentials.Write(Console.Out, accounts, addresses);
        });
    }

    /// <summary>
    /// What readiness no longer waits for, done before the first requests need it: Entity Framework's
    /// first context and query, and the endpoint table (every API endpoint's request delegate and the
    /// Razor pages).
    /// </summary>
    private async Task WarmUpAsync(CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            await db.Set<Microsoft.AspNetCore.Identity.IdentityRole>().AsNoTracking().AnyAsync(r => r.Name == "", ct);
        }
        StartupTrace.Mark("warm-up: first Entity Framework query");
        _ = services.GetService<EndpointDataSource>()?.Endpoints.Count;
        StartupTrace.Mark("warm-up: endpoint table");
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_background is not null) await _background.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _stopping.Dispose();
        return Task.CompletedTask;
    }

    private static readonly Action<ILogger, Exception?> SeedingFailedMessage =
        LoggerMessage.Define(LogLevel.Critical, new EventId(1, "SeedingFailed"), "Background seeding failed; stopping");

    private static void LogSeedingFailed(ILogger logger, Exception ex) => SeedingFailedMessage(logger, ex);
}

/// <summary>
/// Requests that arrive before the database is prepared wait for it; <c>/health/ready</c> answers 503
/// at once meanwhile, and <c>/health</c> (alive) answers as usual.
/// </summary>
internal sealed class StartupGate(RequestDelegate next, StartupState state)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (state.Prepared.IsCompletedSuccessfully) return next(context);
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health/ready")) return ScaleOut.InstanceHealth.WriteStartingAsync(context, state.Prepared.IsFaulted);
        if (path.StartsWithSegments("/health")) return next(context);
        return WaitAsync(context);
    }

    private async Task WaitAsync(HttpContext context)
    {
        await state.Prepared.WaitAsync(context.RequestAborted);
        await next(context);
    }
}

/// <summary>
/// Readiness: unhealthy until the database is migrated and the reference data is in, then the
/// database must answer. Reports "degraded" (still 200) while the background seeding runs.
/// </summary>
internal sealed class ReadinessCheck(StartupState state, DatabaseSettings database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Prepared.IsCompletedSuccessfully)
            return HealthCheckResult.Unhealthy(state.Prepared.IsFaulted
                ? "Database preparation failed."
                : "Starting: migrating the database and seeding reference data.");
        try
        {
            // A plain connection and query: readiness does not wait for Entity Framework's first context.
            await using var conn = await DatabaseSetup.OpenPlainAsync(database, cancellationToken);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT 1";
            await cmd.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
        return state.Seeded.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(state.Seeded.IsFaulted
                ? "Background seeding failed."
                : "Seeding demo content and the search index in the background.");
    }
}

/// <summary>
/// Once the server is up and its start-up work (migrations, seeding, model building, the search
/// index's warm-up) is behind it, one full compacting collection returns the memory that work used
/// to the system, so an idle server holds only what it serves with.
/// </summary>
internal sealed class StartupMemoryTrim(StartupState state) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.Seeded.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stoppingToken.IsCancellationRequested) return;
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
