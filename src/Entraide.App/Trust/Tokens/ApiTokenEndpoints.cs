using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Trust.Tokens;

internal static class ApiTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tokens").WithTags("Trust");
        g.MapGet("/", ListAsync).RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("ListApiTokens");
        g.MapPost("/", CreateAsync).RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("CreateApiToken");
        g.MapDelete("/{tokenId:guid}", RevokeAsync).RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("RevokeApiToken");
    }

    private static async Task<Ok<IReadOnlyList<ApiTokenView>>> ListAsync(ApiTokenQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    private static async Task<Created<CreatedApiToken>> CreateAsync(CreateApiToken command, CreateApiTokenHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(command, ct);
        return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
    }

    private static async Task<Ok<ApiTokenView>> RevokeAsync(Guid tokenId, RevokeApiTokenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new RevokeApiToken(tokenId), ct));
}
