using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust;

/// <summary>The roles: reference data, in place before the server reports ready.</summary>
internal sealed class RolesSeeder(DatabaseSettings database, IServiceProvider services) : IReferenceSeeder
{
    public int Order => 5;

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        // On every start, one plain read of the role names: no Entity Framework context, LINQ query or
        // Identity to build before the server is ready. The roles are created (in one audited save) on
        // the first start only.
        var missing = Roles.All.Except(await ExistingAsync(ct), StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        // One save for all of them (audited like any save), normalised as Identity's role manager would.
        var db = services.GetRequiredService<EntraideDbContext>();
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        db.Set<IdentityRole>().AddRange(missing.Select(r => new IdentityRole(r) { NormalizedName = normalizer.NormalizeName(r) }));
        await db.SaveChangesAsync(ct);
    }

    // The roles' table in the model (StartupTests checks the two agree).
    internal const string Table = "trust_roles";

    private async Task<List<string>> ExistingAsync(CancellationToken ct)
    {
        var names = new List<string>();
        await using var conn = await DatabaseSetup.OpenPlainAsync(database, ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"Name\" FROM \"{Table}\"";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) if (!reader.IsDBNull(0)) names.Add(reader.GetString(0));
        return names;
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

    public static string Email(string prefix, string? state) => state is null ? $"{prefix}@{Domain}" : $"{prefix}.{state.ToLowerInvariant()}@{Domain}";

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
        if (!result.Succeeded) throw new InvalidOperationException($"Demo account {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roleNames);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
    }
}
