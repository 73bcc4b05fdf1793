using Entraide.App.Infrastructure.Persistence;
using Entraide.Cli;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Entraide.App.Tests.Infrastructure;

/// <summary><c>entraide migrate</c> on a new, empty database of each provider (SQLite: from the schema script).</summary>
public sealed class MigrateCommandTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Migrate_EmptyDatabase_IsUpToDateWithAnEmptyVerifiableAudit(Db db)
    {
        var dir = Path.Combine(Path.GetTempPath(), "entraide-migrate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        string? database = null;
        string connection;
        if (db == Db.Postgres)
        {
            database = "entraide_migrate_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteOnServerAsync($"CREATE DATABASE {database}");
            connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database }.ToString();
        }
        else
        {
            connection = $"Data Source={Path.Combine(dir, "entraide.db")}";
        }
        var provider = db == Db.Postgres ? "postgres" : "sqlite";
        try
        {
            Assert.Equal(0, await CliAsync("migrate", "--connection", connection, "--provider", provider));
            var settings = new DatabaseSettings(db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connection, dir);
            Assert.True(await DatabaseSetup.IsUpToDateAsync(settings, CancellationToken.None));
            // Again: nothing pending, nothing done.
            Assert.Equal(0, await CliAsync("migrate", "--connection", connection, "--provider", provider));

            await using var conn = await DatabaseSetup.OpenPlainAsync(settings);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM \"{DatabaseSetup.HistoryTable}\"";
            Assert.Equal(DatabaseSetup.KnownMigrations(settings.Provider).Count,
                Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            cmd.CommandText = "SELECT \"Sequence\" FROM \"trust_audit_head\"";
            Assert.Equal(0L, Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, await CliAsync("audit", "verify", "--connection", connection, "--provider", provider));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (database is not null) await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EntraideCli.RunAsync(args, stdout, stderr);
        Assert.True(code == 0, $"entraide {string.Join(' ', args.Take(2))}: {stdout}{stderr}");
        return code;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
