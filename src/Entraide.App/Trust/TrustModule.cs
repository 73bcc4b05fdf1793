using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Trust.Audit;
using Entraide.App.Trust.Tokens;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Trust;

public sealed record MeView(string Id, string Name, string? State, IReadOnlyList<string> Roles, bool Machine);

/// <summary>Identity, API tokens and the audit trail.</summary>
internal sealed class TrustModule : IModule
{
    public int Order => 0;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokenCommands>();
        services.AddScoped<IAccountDirectory, Accounts.AccountDirectory>();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<RolesSeeder>();
        services.AddScoped<ISeeder>(sp => sp.GetRequiredService<RolesSeeder>());
        services.AddScoped<IReferenceSeeder>(sp => sp.GetRequiredService<RolesSeeder>());
        services.AddScoped<ISeeder, DemoAccounts>();
        services.AddSingleton(new Web.NavItem("/account/tokens", "API tokens", 900, true, Roles.StateAdministrator, Roles.Secretariat));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/me", (ICurrentActor actor) =>
        {
            var a = actor.Current;
            return TypedResults.Ok(new MeView(a.Id, a.DisplayName, a.StateCode, [.. a.Roles.Order(StringComparer.Ordinal)], a.IsMachine));
        }).RequireSignedIn().WithTags("Trust").WithName("GetMe");

        var tokens = api.MapGroup("/tokens").WithTags("Trust");
        tokens.MapGet("/", async (ApiTokenCommands c, CancellationToken ct) => TypedResults.Ok(await c.ListAsync(ct)))
            .RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("ListApiTokens");
        tokens.MapPost("/", async Task<Created<CreatedApiToken>> (CreateApiToken cmd, ApiTokenCommands c, CancellationToken ct) =>
            {
                var created = await c.CreateAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
            })
            .RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("CreateApiToken");
        tokens.MapDelete("/{tokenId:guid}", async (Guid tokenId, ApiTokenCommands c, CancellationToken ct) => TypedResults.Ok(await c.RevokeAsync(tokenId, ct)))
            .RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("RevokeApiToken");

        var audit = api.MapGroup("/audit").WithTags("Trust");
        audit.MapGet("/", async (long? before, int? take, AuditQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(before, take ?? 100, ct)))
            .RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("ListAuditEntries");
        audit.MapPost("/verify", async (AuditQueries q, CancellationToken ct) => TypedResults.Ok(await q.VerifyAsync(ct)))
            .RequireRoles(Roles.Secretariat).WithName("VerifyAuditChain");
    }
}
