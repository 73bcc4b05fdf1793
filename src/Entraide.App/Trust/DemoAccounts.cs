using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust;

/// <summary>The roles: reference data, in place before the server reports ready.</summary>
internal sealed class RolesSeeder(DatabaseSettings database, ILookupNormalizer normalizer, AuditRecorder audit) : IReferenceSeeder
{
    public int Order => 5;

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        // Plain ADO.NET, read and (on the first start) write: no Entity Framework context, LINQ query,
        // change tracker or Identity to build before the server is ready. The rows are the ones
        // Identity's role manager would write, each with the audit entry a save would add
        // (HostTests.StartUp_Roles_AreWrittenAsIdentityAndTheAuditWouldWriteThem checks both).
        await using var conn = await DatabaseSetup.OpenPlainAsync(database, ct);
        var missing = Roles.All.Except(await ExistingAsync(conn, ct), StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var role = Insert(conn, tx, Table, "Id", "Name", "NormalizedName", "ConcurrencyStamp");
        await using var entry = Insert(conn, tx, AuditTable, "OccurredAtMs", "ActorId", "StateCode", "Action", "EntityType", "EntityId",
            "BeforeDigest", "AfterDigest", "Seal");
        foreach (var name in missing)
        {
            // What new IdentityRole(name) holds (Guid "D" strings), normalised as the role manager would.
            var row = new IdentityRole(name) { NormalizedName = normalizer.NormalizeName(name) };
            await ExecuteAsync(role, ct, row.Id, row.Name, row.NormalizedName, row.ConcurrencyStamp);
            var e = audit.Created(nameof(IdentityRole), row.Id,
            [
                new(nameof(IdentityRole.Id), row.Id),
                new(nameof(IdentityRole.Name), row.Name),
                new(nameof(IdentityRole.NormalizedName), row.NormalizedName),
                new(nameof(IdentityRole.ConcurrencyStamp), row.ConcurrencyStamp),
            ]);
            await ExecuteAsync(entry, ct, e.OccurredAtMs, e.ActorId, e.StateCode, e.Action, e.EntityType, e.EntityId, e.BeforeDigest,
                e.AfterDigest, e.Seal);
        }
        await tx.CommitAsync(ct);
        audit.Saved();
    }

    // The tables in the model (HostTests checks that they agree).
    internal const string Table = "trust_roles";
    internal const string AuditTable = "trust_audit_entries";

    private static async Task<List<string>> ExistingAsync(System.Data.Common.DbConnection conn, CancellationToken ct)
    {
        var names = new List<string>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"Name\" FROM \"{Table}\"";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) if (!reader.IsDBNull(0)) names.Add(reader.GetString(0));
        return names;
    }

    private static System.Data.Common.DbCommand Insert(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx, string table,
        params string[] columns)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = $"p{i}";
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static Task<int> ExecuteAsync(System.Data.Common.DbCommand cmd, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        return cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>With <c>--demo</c>, one account per role in twelve States plus the secretariat and donors.</summary>
internal sealed class DemoAccounts(UserManager<EntraideUser> users, TimeProvider clock) : ISeeder
{
    public const string Password = "Entraide-Demo-2026";
    /// <summary>Base32 authenticator key shared by the demo accounts, so one authenticator entry serves them all.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    public const string Domain = "demo.entraide.int";

    public static readonly IReadOnlyList<string> States = ["FRA", "BRA", "CHN", "USA", "EGY", "NGA", "IND", "JPN", "AUS", "MEX", "GBR", "ZAF"];

    private static readonly (string Prefix, string Role)[] StateRoles =
    [
        ("admin", Roles.StateAdministrator),
        ("ca", Roles.CentralAuthority),
        ("poc", Roles.PointOfContact),
        ("investigator", Roles.Investigator),
        ("delegate", Roles.Delegate),
    ];

    public int Order => 10;

    public static string Email(string prefix, string? state) =>
        state is null ? $"{prefix}@{Domain}" : $"{prefix}.{state.ToLowerInvariant()}@{Domain}";

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        if (!context.Demo) return;

        foreach (var state in States)
        {
            foreach (var (prefix, role) in StateRoles)
            {
                await EnsureAsync(context, Email(prefix, state), state, $"{prefix} {StateDirectory.Default.ListName(state, "en")}", [role]);
            }
        }
        await EnsureAsync(context, Email("secretariat", null), null, "UNODC secretariat", [Roles.Secretariat]);
        await EnsureAsync(context, Email("donor", null), null, "Donor (demo)", [Roles.Donor]);
        await EnsureAsync(context, Email("donor", "JPN"), "JPN", "Japan donor desk (demo)", [Roles.Donor]);
    }

    private async Task EnsureAsync(SeedContext context, string email, string? state, string name, string[] roleNames)
    {
        context.Accounts.Add((email, state ?? "UN", string.Join(",", roleNames)));
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new EntraideUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            StateCode = state,
            DisplayName = name,
            PreferredLanguage = state switch { "FRA" => "fr", "CHN" => "zh", "EGY" => "ar", "MEX" => "es", _ => "en" },
            CreatedAt = clock.GetUtcNow(),
            TwoFactorEnabled = true,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roleNames);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
    }
}
