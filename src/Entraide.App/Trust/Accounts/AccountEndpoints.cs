using Entraide.App.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Trust.Accounts;

internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", GetMe).RequireSignedIn().WithTags("Trust").WithName("GetMe");

    private static Ok<MeView> GetMe(ICurrentActor actor)
    {
        var a = actor.Current;
        return TypedResults.Ok(new MeView(a.Id, a.DisplayName, a.StateCode, [.. a.Roles.Order(StringComparer.Ordinal)], a.IsMachine));
    }
}
