using System.Data.Common;
using System.Reflection;
using Entraide.App.Infrastructure.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Entraide.App.Infrastructure.Persistence;

/// <summary>
/// Where the data lives. With no configuration Entraide uses an embedded SQLite database in
/// <c>entraide.db</c> of its data folder (<see cref="DefaultDataDirectory"/>, or <c>Entraide:DataDirectory</c>);
/// setting <c>ConnectionStrings:Entraide</c> to a PostgreSQL connection
/// string (or <c>Database:Provider</c> to <c>postgres</c>) runs the same application on PostgreSQL.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var dataDir = Path.GetFullPath(configuration["Entraide:DataDirectory"] is { Length: > 0 } configured ? configured : DefaultDataDirectory());
        var cs = configuration.GetConnectionString("Entraide");
        var providerName = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (!string.IsNullOrWhiteSpace(providerName))
        {
            provider = providerName.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
                _ => throw new InvalidOperationException($"Database:Provider '{providerName}' is not known; use 'sqlite' or 'postgres'."),
            };
        }
        else
        {
            provider = cs is not null && cs.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : DatabaseProvider.Sqlite;
        }

        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Entraide is empty.");
            cs = $"Data Source={Path.Combine(dataDir, "entraide.db")}";
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var b = new SqliteConnectionStringBuilder(cs) { Pooling = true, DefaultTimeout = 30 };
            cs = b.ToString();
        }
        return new DatabaseSettings(provider, cs, dataDir);
    }

    /// <summary>
    /// The data folder (embedded database, search index) when none is configured: <c>Entraide</c> in the
    /// user's local application data (<c>~/.local/share/Entraide</c>, <c>%LOCALAPPDATA%\Entraide</c>),
    /// never the current folder, so that a <c>dotnet run</c> in the source tree writes nothing into it.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "Entraide");
    }

    public string SqliteFile => new SqliteConnectionStringBuilder(ConnectionString).DataSource;
}

public static class DatabaseSetup
{
    /// <summary>The model built ahead of time for the provider (none in the build <c>tools/model-changed.sh</c> makes to regenerate it).</summary>
    private static DbContextOptionsBuilder UseCompiledModel(this DbContextOptionsBuilder o, DatabaseProvider provider)
    {
#if WITHOUT_COMPILED_MODELS
        _ = provider;
        return o;
#else
        return o.UseModel(provider == DatabaseProvider.Sqlite
            ? CompiledModels.Sqlite.SqliteEntraideDbContextModel.Instance
            : CompiledModels.Postgres.PostgresEntraideDbContextModel.Instance);
#endif
    }

    public static IServiceCollection AddEntraideDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<EntityChanges>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = settings.SqliteFile;
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            services.AddPooledDbContextFactory<SqliteEntraideDbContext>(o =>
                ConfigureSqlite(o, settings.ConnectionString).UseCompiledModel(DatabaseProvider.Sqlite).ConfigureWarnings(AtRuntime));
            services.AddScoped<EntraideDbContext>(Lease<SqliteEntraideDbContext>);
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresEntraideDbContext>(o =>
                ConfigurePostgres(o, settings.ConnectionString).UseCompiledModel(DatabaseProvider.Postgres).ConfigureWarnings(AtRuntime));
            services.AddScoped<EntraideDbContext>(Lease<PostgresEntraideDbContext>);
        }
        return services;
    }

    // One context per unit of work (request, job), taken from a pool: a new context costs Entity
    // Framework a scope of its internal services, about a tenth of a submission's processor time. The
    // scope disposes it at the end, which returns it to the pool.
    private static EntraideDbContext Lease<T>(IServiceProvider sp) where T : EntraideDbContext
    {
        var db = sp.GetRequiredService<IDbContextFactory<T>>().CreateDbContext();
        db.Lease(sp.GetService<AuditRecorder>(), sp.GetRequiredService<EntityChanges>());
        return db;
    }

    // Migrate() would otherwise build the whole model from the configuration classes again (a second
    // or more) to compare it with the migrations' snapshot; a test (CompiledModelTests) makes that
    // comparison once, so the running server does not.
    private static void AtRuntime(WarningsConfigurationBuilder w) => w.Ignore(RelationalEventId.PendingModelChangesWarning);

    // The server uses the compiled models under CompiledModels/ (built ahead of time: seconds saved on
    // every start); design-time tools build the model from the configuration classes. Regenerate the
    // compiled models after any model change (docs/operations.md); a test fails while they are stale.
    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, s => s.MigrationsHistoryTable(HistoryTable))
         .AddInterceptors(SqlitePragmas.Instance, EntityChangesOnCommit.Instance);

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string cs) =>
        // No retrying execution strategy: handlers use explicit transactions, and a failed write is
        // answered 503 with a retry hint; clients retry with their Idempotency-Key.
        o.UseNpgsql(WithServerDefaults(cs), s => s.MigrationsHistoryTable(HistoryTable))
         .AddInterceptors(EntityChangesOnCommit.Instance);

    /// <summary>
    /// Unless the connection string says otherwise: statements run often on a connection are prepared on the
    /// server (Npgsql's automatic preparation), so PostgreSQL skips parsing and planning them — a third of an
    /// inbox listing's database time; and a pooled connection is not reset each time it is taken (a
    /// <c>DISCARD ALL</c>, seven per submission, which would also throw the prepared statements away):
    /// Entraide keeps no session state on its connections (no <c>SET</c>, temporary table or advisory lock).
    /// </summary>
    internal static string WithServerDefaults(string cs)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows; the plain builder
        // says what the string actually sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = cs }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        if (!given.Contains("MaxAutoPrepare")) b.MaxAutoPrepare = 64;
        if (!given.Contains("NoResetOnClose")) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    internal const string HistoryTable = "__entraide_migrations";

    /// <summary>
    /// A plain ADO.NET connection to the database, opened, with no Entity Framework behind it: start-up
    /// uses it to check the migrations and the reference data, and readiness to see the database answer,
    /// so that neither waits for Entity Framework's first context (which the server then builds in the
    /// background). On PostgreSQL it has Entity Framework's connection string, so both share one pool.
    /// </summary>
    public static async Task<DbConnection> OpenPlainAsync(DatabaseSettings settings, CancellationToken ct = default)
    {
        DbConnection conn = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new Npgsql.NpgsqlConnection(WithServerDefaults(settings.ConnectionString));
        try
        {
            await conn.OpenAsync(ct);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
        return conn;
    }

    /// <summary>Applies pending migrations; SQLite is switched to write-ahead logging first.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        // On every start but the first (or an upgrade), one plain query shows that nothing is pending.
        if (await IsUpToDateAsync(settings, ct))
        {
            Hosting.StartupTrace.Mark("migrations checked: none pending");
            return;
        }
        // The first start of the embedded default: an empty SQLite database gets the whole schema in
        // one transaction from the script the migrations generate, without Entity Framework.
        if (settings.Provider == DatabaseProvider.Sqlite && await SqliteSchema.TryCreateAsync(settings, ct))
        {
            Hosting.StartupTrace.Mark("empty database: schema script applied");
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        Hosting.StartupTrace.Mark("context created");
        // Migrate() also diffs the model against the snapshot, which costs seconds on a model this
        // size; asking for pending migrations first reads only the history table.
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        Hosting.StartupTrace.Mark("pending migrations read");
        if (!pending) return;
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Whether every migration this build knows for the provider is in the history table, read with a
    /// plain connection (false when the table is not there yet). SQLite is switched to write-ahead logging.
    /// </summary>
    internal static async Task<bool> IsUpToDateAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var conn = await OpenPlainAsync(settings, ct);
        await using var cmd = conn.CreateCommand();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync(ct);
            cmd.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
        }
        else
        {
            cmd.CommandText = "SELECT count(*) FROM pg_catalog.pg_tables "
                + $"WHERE tablename = '{HistoryTable}' AND schemaname = ANY (current_schemas(false))";
        }
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0) return false;
        var applied = await AppliedMigrationsAsync(cmd, ct);
        return KnownMigrations(settings.Provider).All(applied.Contains);
    }

    /// <summary>The migration ids recorded in the history table, read with <paramref name="cmd"/> (its connection and transaction).</summary>
    internal static async Task<HashSet<string>> AppliedMigrationsAsync(DbCommand cmd, CancellationToken ct)
    {
        cmd.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryTable}\"";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return applied;
    }

    /// <summary>The ids of the migrations compiled into this build for <paramref name="provider"/>.</summary>
    internal static IReadOnlyList<string> KnownMigrations(DatabaseProvider provider)
    {
        var context = provider == DatabaseProvider.Sqlite ? typeof(SqliteEntraideDbContext) : typeof(PostgresEntraideDbContext);
        return [.. typeof(EntraideDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>()!.Id)];
    }
}

/// <summary>Per-connection SQLite settings: durable commits that survive a killed process, and foreign keys.</summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(
        System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context for migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEntraideDbContext>
{
    public SqliteEntraideDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteEntraideDbContext>();
        DatabaseSetup.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteEntraideDbContext(b.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEntraideDbContext>
{
    public PostgresEntraideDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresEntraideDbContext>();
        DatabaseSetup.ConfigurePostgres(b, "Host=localhost;Database=entraide_design");
        return new PostgresEntraideDbContext(b.Options);
    }
}
