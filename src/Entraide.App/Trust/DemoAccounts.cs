using Entraide.App.Infrastructure.Hosting;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust;

/// <summary>Creates the roles always, and with <c>--demo</c> one account per role in ten States plus the secretariat.</summary>
internal sealed class DemoAccounts(UserManager<EntraideUser> users, RoleManager<IdentityRole> roles, TimeProvider clock) : ISeeder
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
        // One query on every start; roles are created only on the first.
        var existing = await roles.Roles.Select(r => r.Name!).ToListAsync(ct);
        foreach (var r in Roles.All.Except(existing, StringComparer.Ordinal))
        {
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));
        }
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
