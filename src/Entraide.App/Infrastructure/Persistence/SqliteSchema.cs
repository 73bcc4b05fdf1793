using Microsoft.Data.Sqlite;

namespace Entraide.App.Infrastructure.Persistence;

/// <summary>
/// The schema of an empty SQLite database, created in one transaction from
/// <c>Migrations/Sqlite/schema.sql</c>: the SQL that Entity Framework generates from the SQLite
/// migrations (<c>dotnet ef migrations script --no-transactions</c>), history rows included. Applying it
/// gives the database <c>Migrate()</c> would, without building the first context, each migration's
/// target model and their SQL at start-up (seconds of JIT on the first start). A database that is not
/// empty (an older build's, with migrations pending) is left to <c>Migrate()</c>.
/// <c>SqliteSchemaTests</c> fails when the script no longer matches the migrations; the command that
/// regenerates it is in docs/operations.md.
/// </summary>
internal static class SqliteSchema
{
    internal const string ResourceName = "Entraide.Persistence.SqliteSchema.sql";

    /// <summary>The script compiled into this build.</summary>
    internal static string Script()
    {
        using var stream = typeof(SqliteSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates the schema if the database has no table at all; false (nothing done) otherwise, or when
    /// the script does not record exactly the migrations this build knows (then <c>Migrate()</c> decides).
    /// </summary>
    internal static async Task<bool> TryCreateAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var conn = (SqliteConnection)await DatabaseSetup.OpenPlainAsync(settings, ct);
        // BEGIN IMMEDIATE: a second process starting on the same file waits here, then finds the tables.
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'";
        if ((long)(await cmd.ExecuteScalarAsync(ct))! != 0) return false;

        cmd.CommandText = Script();
        await cmd.ExecuteNonQueryAsync(ct);

        var recorded = await DatabaseSetup.AppliedMigrationsAsync(cmd, ct);
        if (!recorded.SetEquals(DatabaseSetup.KnownMigrations(DatabaseProvider.Sqlite)))
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await tx.CommitAsync(ct);
        return true;
    }
}
