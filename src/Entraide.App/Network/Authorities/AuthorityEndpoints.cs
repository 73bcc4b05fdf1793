using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Profiles;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Network.Authorities;

/// <summary>A State's authorities and points of contact.</summary>
internal static class AuthorityEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var state = api.MapGroup("/states/{state}/authorities").WithTags("Network");

        state.MapGet("/", ListAsync)
            .AllowPublic().WithName("ListAuthorities")
            .WithSummary("The State's authorities and points of contact, as the caller may see them.");

        state.MapGet("/{authorityId:guid}", GetAsync)
            .AllowPublic().WithName("GetAuthority")
            .WithSummary("One authority, as the caller may see it, with whether it is in office now.");

        state.MapPost("/", CreateAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("CreateAuthority")
            .WithSummary("Designates an authority or point of contact (the State's administrators only).");

        state.MapPut("/{authorityId:guid}", UpdateAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("UpdateAuthority")
            .WithSummary("Changes an authority. Send expectedVersion to be told (409) of a change made meanwhile.");

        state.MapDelete("/{authorityId:guid}", DeleteAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("DeleteAuthority")
            .WithSummary("Withdraws an authority; earlier versions of the profile still show it.");
    }

    private static async Task<Ok<IReadOnlyList<AuthorityView>>> ListAsync(string state, string? lang, ProfileQueries profiles,
        CancellationToken ct) => TypedResults.Ok((await profiles.GetAsync(state, RequestLanguage.Of(lang), ct)).Authorities);

    private static async Task<Ok<AuthorityView>> GetAsync(string state, Guid authorityId, AuthorityQueries authorities, CancellationToken ct) =>
        TypedResults.Ok(await authorities.GetAsync(state, authorityId, ct));

    private static async Task<Created<AuthorityView>> CreateAsync(string state, AuthorityInput input, CreateAuthorityHandler handler,
        CancellationToken ct)
    {
        var created = await handler.HandleAsync(state, input, ct);
        return TypedResults.Created($"/api/v1/states/{created.State}/authorities/{created.Id}", created);
    }

    private static async Task<Ok<AuthorityView>> UpdateAsync(string state, Guid authorityId, AuthorityInput input,
        UpdateAuthorityHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(state, authorityId, input, ct));

    private static async Task<NoContent> DeleteAsync(string state, Guid authorityId, int? expectedVersion, DeleteAuthorityHandler handler,
        CancellationToken ct)
    {
        await handler.HandleAsync(state, authorityId, new DeleteAuthority(expectedVersion), ct);
        return TypedResults.NoContent();
    }
}
