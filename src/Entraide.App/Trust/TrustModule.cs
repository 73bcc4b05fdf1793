using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Trust.Accounts;
using Entraide.App.Trust.Audit;
using Entraide.App.Trust.Tokens;
using Entraide.Domain.Trust;

namespace Entraide.App.Trust;

/// <summary>Identity, API tokens and the audit trail.</summary>
internal sealed class TrustModule : IModule
{
    public int Order => 0;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokenQueries>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddSingleton<ISessionCheck, SessionCheck>();
        services.AddScoped<SignInAttempts>();
        services.AddScoped<EnrolmentLinks>();
        services.AddSingleton<ApiTokenCache>();
        // Kept in per-process caches (API tokens; the accounts notifications go to): other instances hear of changes.
        services.AddSingleton(new Infrastructure.ScaleOut.SharedChanges(typeof(ApiToken), typeof(EntraideUser),
            typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<string>), typeof(Microsoft.AspNetCore.Identity.IdentityRole)));
        services.AddScoped<AuditQueries>();
        services.AddScoped<RolesSeeder>();
        services.AddScoped<ISeeder>(sp => sp.GetRequiredService<RolesSeeder>());
        services.AddScoped<IReferenceSeeder>(sp => sp.GetRequiredService<RolesSeeder>());
        services.AddScoped<ISeeder, DemoAccounts>();
        services.AddSingleton(new Web.NavItem("/account/tokens", "API tokens", 900, true, Roles.StateAdministrator, Roles.Secretariat));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        AccountEndpoints.Map(api);
        ApiTokenEndpoints.Map(api);
        AuditEndpoints.Map(api);
    }
}
