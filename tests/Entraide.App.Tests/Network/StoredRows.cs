using System.Data.Common;
using System.Globalization;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Network;

/// <summary>
/// Every row of some tables as text, to assert that a refused request changed nothing stored. Read
/// with plain SQL, so it does not depend on how the entities are mapped.
/// </summary>
internal static class StoredRows
{
    public static readonly string[] Network =
    [
        "network_profiles", "network_authorities", "network_profile_versions", "network_profile_flags",
        "network_verification_rounds", "network_verification_checks",
    ];

    public static readonly string[] Knowledge =
        ["knowledge_works", "knowledge_expressions", "knowledge_provisions", "knowledge_cases", "knowledge_documents"];

    public static Task<string> SnapshotAsync(TestApp app, params string[] tables) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var sb = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) rows.Add(Row(reader));
            }
            rows.Sort(StringComparer.Ordinal);
            sb.Append(table).Append(' ').Append(rows.Count).Append('\n');
            foreach (var r in rows) sb.Append(r).Append('\n');
        }
        return sb.ToString();
    });

    private static string Row(DbDataReader reader)
    {
        var cells = new string[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        return string.Join('|', cells);
    }
}
