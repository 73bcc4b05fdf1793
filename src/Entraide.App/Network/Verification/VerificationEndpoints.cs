using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Network.Verification;

/// <summary>Verification rounds of the 24/7 network: the secretariat's rounds, the messages to each State's points.</summary>
internal static class VerificationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/states/{state}/verification", HistoryAsync).WithTags("Network")
            .RequireSignedIn().WithName("StateVerificationHistory")
            .WithSummary("Every verification message sent to the State's points, with the time each took to acknowledge.");

        var verify = api.MapGroup("/verification").WithTags("Network");
        verify.MapPost("/rounds", StartAsync)
            .RequireRoles(Roles.Secretariat).WithName("StartVerificationRound")
            .WithSummary("Sends a verification message to every 24/7 point of contact, to acknowledge within the time given.");

        verify.MapGet("/rounds", ListAsync)
            .RequireRoles(Roles.Secretariat).WithName("ListVerificationRounds")
            .WithSummary("Rounds, newest first, each with its summary (shares acknowledged within 1 hour and 24 hours).");

        verify.MapGet("/rounds/{roundId:guid}", GetAsync)
            .RequireRoles(Roles.Secretariat).WithName("GetVerificationRound")
            .WithSummary("One round: its summary and every point's outcome, unanswered first.");

        verify.MapGet("/checks", MineAsync)
            .RequireRoles(EndpointConventions.StateRoles).WithName("ListMyVerificationChecks")
            .WithSummary("Verification messages sent to the caller's State, open ones first.");

        verify.MapGet("/checks/{checkId:guid}", GetCheckAsync)
            .RequireSignedIn().WithName("GetVerificationCheck")
            .WithSummary("One verification message and its acknowledgement.");

        verify.MapPost("/checks/{checkId:guid}/acknowledge", AcknowledgeAsync)
            .RequireRoles(Roles.PointOfContact, Roles.StateAdministrator).WithName("AcknowledgeVerification")
            .WithSummary("The point of contact confirms it received the verification message; the time taken is recorded.");
    }

    private static async Task<Ok<IReadOnlyList<CheckView>>> HistoryAsync(string state, string? lang, VerificationQueries queries,
        CancellationToken ct) => TypedResults.Ok(await queries.HistoryAsync(state, RequestLanguage.Of(lang), ct));

    private static async Task<Created<RoundDetail>> StartAsync(StartVerificationRound command, StartVerificationRoundHandler handler,
        CancellationToken ct)
    {
        var round = await handler.HandleAsync(command, ct);
        return TypedResults.Created($"/api/v1/verification/rounds/{round.Round.Id}", round);
    }

    private static async Task<Ok<IReadOnlyList<RoundView>>> ListAsync(VerificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    private static async Task<Ok<RoundDetail>> GetAsync(Guid roundId, string? lang, VerificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(roundId, RequestLanguage.Of(lang), ct));

    private static async Task<Ok<IReadOnlyList<CheckView>>> MineAsync(string? lang, VerificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(RequestLanguage.Of(lang), ct));

    private static async Task<Ok<CheckView>> GetCheckAsync(Guid checkId, string? lang, VerificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetCheckAsync(checkId, RequestLanguage.Of(lang), ct));

    private static async Task<Ok<CheckView>> AcknowledgeAsync(Guid checkId, AcknowledgeVerificationHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(checkId, ct));
}
