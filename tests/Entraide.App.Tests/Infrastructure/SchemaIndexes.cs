using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>The indexes of a table as the database itself describes them.</summary>
public static class SchemaIndexes
{
    /// <summary>Index name → definition: <c>pg_indexes.indexdef</c> on PostgreSQL, the <c>CREATE INDEX</c> text on SQLite.</summary>
    public static Task<Dictionary<string, string>> OfAsync(TestApp app, Db db, string table) => app.WithDbAsync(async d =>
    {
        var conn = d.Database.GetDbConnection();
        await d.Database.OpenConnectionAsync();
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = db == Db.Postgres
                ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL";
            var p = cmd.CreateParameter();
            p.ParameterName = "@table";
            p.Value = table;
            cmd.Parameters.Add(p);
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) found[r.GetString(0)] = r.GetString(1);
            return found;
        }
        finally
        {
            await d.Database.CloseConnectionAsync();
        }
    });
}
