using System.Net.Http.Headers;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>The databases every integration test runs against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Theory data naming each database: SQLite always; PostgreSQL when <c>ENTRAIDE_TEST_POSTGRES</c>
/// holds a server connection string (CI sets it, and sets <c>ENTRAIDE_REQUIRE_POSTGRES=1</c> so a
/// missing server fails the run rather than skipping).
/// </summary>
public sealed class Databases : TheoryData<Db>
{
    public Databases()
    {
        Add(Db.Sqlite);
        if (TestEnvironment.PostgresServer is not null) Add(Db.Postgres);
        else if (TestEnvironment.RequirePostgres)
            throw new InvalidOperationException("ENTRAIDE_REQUIRE_POSTGRES is set but ENTRAIDE_TEST_POSTGRES is empty.");
    }
}

public static class TestEnvironment
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("ENTRAIDE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    public static bool RequirePostgres => Environment.GetEnvironmentVariable("ENTRAIDE_REQUIRE_POSTGRES") == "1";
}

/// <summary>
/// One running Entraide per database, shared by all tests of the assembly: migrated, seeded with the
/// demo accounts, on a fresh database (a temporary SQLite file, or a new PostgreSQL database).
/// Tests create their own records and never assume an empty table.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "entraide-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public TestApp(Db db)
    {
        Db = db;
        Directory.CreateDirectory(_dataDir);
        if (db == Db.Postgres)
        {
            DatabaseName = "entraide_test_" + Guid.NewGuid().ToString("N")[..12];
            using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {DatabaseName}";
            cmd.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = DatabaseName }.ToString();
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dataDir, "entraide.db")}";
        }
    }

    public Db Db { get; }
    public string ConnectionString { get; }
    public string? DatabaseName { get; }
    public string DataDirectory => _dataDir;

    /// <summary>
    /// The same application on the same database, with its own data folder (indexes, keys) and with
    /// services replaced — typically a fake clock. A second host must not share the first one's
    /// search index, which one process at a time may write.
    /// </summary>
    public WebApplicationFactory<Program> Derive(Action<IServiceCollection> services)
    {
        var dir = Path.Combine(_dataDir, "derived-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return WithWebHostBuilder(b =>
        {
            b.UseSetting("Entraide:DataDirectory", dir);
            b.ConfigureTestServices(services);
        });
    }

    /// <summary>Extra settings a test class needs (e.g. a low sign-in rate limit).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Entraide", ConnectionString);
        builder.UseSetting("Database:Provider", Db == Db.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("Entraide:DataDirectory", _dataDir);
        builder.UseSetting("Entraide:Demo", "true");
        // The demo accounts, without the demo requests and consultations: tests count what they create themselves.
        builder.UseSetting("Entraide:DemoContent", "false");
        builder.UseSetting("Entraide:PasswordHashIterations", "1000");
        builder.UseSetting("Entraide:SignInAttemptsPerMinute", "100000");
        // Hosts derived from this one share its database and each runs its own clock and chainer (fake clocks):
        // the background-work lease is tested with real server processes (ScaleOut tests).
        builder.UseSetting(Entraide.App.Infrastructure.ScaleOut.BackgroundLease.Setting, "false");
        foreach (var (k, v) in Settings) builder.UseSetting(k, v);
        builder.UseEnvironment("Testing");
    }

    /// <summary>
    /// Starts the host and waits for its background seeding as well: the server is ready once the
    /// reference data is in, but the tests use the demo accounts and content seeded after that.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<StartupState>().Seeded.GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A client authenticated as a fresh API token of <paramref name="state"/> holding <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(string? state, params string[] roles)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IssueToken(state, roles));
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public string IssueToken(string? state, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var secret = ApiToken.NewSecret();
        db.Add(new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = $"test {state ?? "UN"} {string.Join("+", roles)}",
            StateCode = state,
            Roles = string.Join(",", roles),
            SecretDigest = ApiToken.DigestOf(secret),
            Prefix = secret[..10],
            CreatedBy = "tests",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
        return secret;
    }

    /// <summary>Runs <paramref name="work"/> with a scoped database context.</summary>
    public async Task<T> WithDbAsync<T>(Func<EntraideDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EntraideDbContext>());
    }

    private bool _hostStopped;

    /// <summary>Stops the in-process host but keeps its database, for tests that run the server as a separate process.</summary>
    public async Task DisposeAsyncKeepingDatabase()
    {
        if (_hostStopped) return;
        _hostStopped = true;
        await base.DisposeAsync();
    }

    /// <summary>A database context built from scratch (for use after the in-process host is stopped).</summary>
    public async Task<T> WithFreshDbAsync<T>(Func<EntraideDbContext, Task<T>> work)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var provider = Db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        services.AddEntraideDatabase(new DatabaseSettings(provider, ConnectionString, _dataDir));
        await using var sp = services.BuildServiceProvider();
        await using var scope = sp.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EntraideDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_hostStopped) await base.DisposeAsync();
        _hostStopped = true;
        if (DatabaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The shared applications, one per database, started on first use.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, TestApp> _apps = new();
    private readonly Lock _gate = new();

    public TestApp App(Db db)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(db, out var app))
            {
                app = new TestApp(db);
                _ = app.Server; // starts the host: migrates and seeds
                _apps[db] = app;
            }
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
