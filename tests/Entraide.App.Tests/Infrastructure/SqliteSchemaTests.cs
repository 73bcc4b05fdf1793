using Entraide.App.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// An empty SQLite database is created from <c>Migrations/Sqlite/schema.sql</c> rather than by
/// <c>Migrate()</c>. The script must be what the migrations generate, and applying it must leave the
/// database <c>Migrate()</c> leaves; a database an older build created is still migrated by Entity Framework.
/// </summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private const string Regenerate =
        "The SQLite schema script is stale: regenerate it with the `dotnet ef migrations script` command in docs/operations.md.";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "entraide-schema-" + Guid.NewGuid().ToString("N")[..12]);

    public SqliteSchemaTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Script_IsWhatTheMigrationsGenerate()
    {
        // As `dotnet ef migrations script --no-transactions` generates it (design time: the model from
        // the configuration classes).
        var b = new DbContextOptionsBuilder<SqliteEntraideDbContext>();
        DatabaseSetup.ConfigureSqlite(b, "Data Source=:memory:");
        using var db = new SqliteEntraideDbContext(b.Options);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);
        Assert.True(Normalise(generated) == Normalise(SqliteSchema.Script()), Regenerate);
    }

    [Fact]
    public async Task EmptyDatabase_FromTheScript_IsTheDatabaseMigrateBuilds()
    {
        var scripted = Settings("scripted.db");
        await using (var sp = Services(scripted))
        {
            await DatabaseSetup.MigrateAsync(sp);
        }
        var migrated = Settings("migrated.db");
        await using (var sp = Services(migrated))
        {
            await using var scope = sp.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EntraideDbContext>().Database.MigrateAsync();
        }

        var fromScript = await DescribeAsync(scripted);
        Assert.Contains(fromScript, l => l.StartsWith("table|trust_roles|", StringComparison.Ordinal));
        Assert.Equal(await DescribeAsync(migrated), fromScript);
        Assert.True(await DatabaseSetup.IsUpToDateAsync(scripted, CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseOfAnOlderBuild_GetsThePendingMigrations()
    {
        var older = Settings("older.db");
        // The build before the last migration; while there is only one migration, a database holding a
        // table of an older build stands for it (the script must not be applied to it either).
        var known = DatabaseSetup.KnownMigrations(DatabaseProvider.Sqlite).Order(StringComparer.Ordinal).ToList();
        await using (var sp = Services(older))
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            if (known.Count > 1) await db.GetService<IMigrator>().MigrateAsync(known[^2]);
            else await db.Database.ExecuteSqlRawAsync("CREATE TABLE older_build (id INTEGER)");
        }
        Assert.False(await DatabaseSetup.IsUpToDateAsync(older, CancellationToken.None));
        // The script is not for a database that has tables: it would fail on them, or skip migrations.
        Assert.False(await SqliteSchema.TryCreateAsync(older, CancellationToken.None));

        await using (var sp = Services(older))
        {
            await DatabaseSetup.MigrateAsync(sp);
        }
        Assert.True(await DatabaseSetup.IsUpToDateAsync(older, CancellationToken.None));

        var fresh = Settings("fresh.db");
        await using (var sp = Services(fresh))
        {
            await DatabaseSetup.MigrateAsync(sp);
        }
        if (known.Count == 1)
        {
            await using var sp = Services(older);
            await using var scope = sp.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EntraideDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE older_build");
        }
        // The same schema, but for the history's row order and the migration lock table the older path leaves.
        Assert.Equal(await DescribeAsync(fresh), await DescribeAsync(older));
    }

    private DatabaseSettings Settings(string file) =>
        DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Entraide:DataDirectory"] = _dir,
                ["ConnectionStrings:Entraide"] = $"Data Source={Path.Combine(_dir, file)}",
            }).Build());

    private static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddEntraideDatabase(settings);
        return services.BuildServiceProvider();
    }

    /// <summary>Every table, index and trigger with its SQL, the migrations history and the rows of the seeded tables.</summary>
    private static async Task<List<string>> DescribeAsync(DatabaseSettings settings)
    {
        var lines = new List<string>();
        await using var conn = await DatabaseSetup.OpenPlainAsync(settings);
        await using var cmd = conn.CreateCommand();
        // __EFMigrationsLock is Migrate()'s lock between processes, left behind empty; the script
        // takes SQLite's own write lock instead.
        cmd.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master "
            + "WHERE name NOT LIKE 'sqlite%' AND name <> '__EFMigrationsLock' ORDER BY type, name";
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) lines.Add($"{r.GetString(0)}|{r.GetString(1)}|{r.GetString(2)}|{(r.IsDBNull(3) ? "" : r.GetString(3))}");
        }
        cmd.CommandText = $"SELECT \"MigrationId\", \"ProductVersion\" FROM \"{DatabaseSetup.HistoryTable}\" ORDER BY \"MigrationId\"";
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) lines.Add($"history|{r.GetString(0)}|{r.GetString(1)}");
        }
        // Seeded by the migrations (HasData).
        cmd.CommandText = "SELECT \"Id\", \"Sequence\", \"Hash\" FROM \"trust_audit_head\"";
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) lines.Add($"audit head|{r.GetInt64(0)}|{r.GetInt64(1)}|{r.GetString(2)}");
        }
        return lines;
    }

    private static string Normalise(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').Trim();
}
