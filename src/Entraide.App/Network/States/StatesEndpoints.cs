using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Network.States;

internal static class StatesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var states = api.MapGroup("/states").WithTags("Network");
        states.MapGet("/", List)
            .AllowPublic().WithName("ListStates")
            .Produces<IReadOnlyList<StateView>>()
            .WithSummary("Every UN Member and observer State, named in the language asked (ar, zh, en, fr, ru, es) as on the date asked, "
                + "in that language's order.");

        states.MapGet("/{state}", Get)
            .AllowPublic().WithName("GetState")
            .WithSummary("One State's names in the six languages, with their history.");
    }

    private static IResult List(StateCatalogue catalogue, string? lang, DateOnly? on) =>
        Results.Bytes(catalogue.ListJson(RequestLanguage.Of(lang), on), "application/json; charset=utf-8");

    private static Ok<StateDetailView> Get(string state, StateCatalogue catalogue, string? lang, DateOnly? on) =>
        TypedResults.Ok(catalogue.Detail(state, RequestLanguage.Of(lang), on));
}
