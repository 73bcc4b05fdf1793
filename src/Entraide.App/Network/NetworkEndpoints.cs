using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.Register;
using Entraide.App.Network.Verification;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Network;

public sealed record FlagInput(string? Note);
public sealed record ResolveInput(string? Resolution);
public sealed record ConfirmInput(int? ExpectedVersion);

/// <summary>Profiles, authorities, the register and verification rounds, for people and for States' own systems.</summary>
internal static class NetworkEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var state = api.MapGroup("/states/{state}").WithTags("Network");

        state.MapGet("/profile", async (string state, string? lang, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.GetAsync(state, RequestLanguage.Of(lang), ct)))
            .AllowPublic().WithName("GetStateProfile")
            .WithSummary("A State's Convention status, declarations and authorities; contact fields shown as the caller may see them (never a 24/7 point's phone to the public).");

        state.MapPut("/profile", async (string state, ProfileInput input, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.UpdateAsync(state, input, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("UpdateStateProfile")
            .WithSummary("Changes the profile (the State's administrators only). Send expectedVersion to be told (409) of a change made meanwhile.");

        state.MapPost("/profile/confirm", async (string state, ConfirmInput? input, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.ConfirmAsync(state, input?.ExpectedVersion, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("ConfirmStateProfile")
            .WithSummary("Confirms the profile is still accurate, which restarts the twelve-month review reminder.");

        state.MapGet("/profile/versions", async (string state, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.VersionsAsync(state, ct)))
            .RequireSignedIn().WithName("ListStateProfileVersions")
            .WithSummary("Every version of the profile, newest first, with who made it and when (the State and the secretariat).");

        state.MapGet("/profile/versions/{versionNumber:int}", async (string state, int versionNumber, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.VersionAsync(state, versionNumber, ct)))
            .RequireSignedIn().WithName("GetStateProfileVersion")
            .WithSummary("The profile and its authorities exactly as they stood in one version.");

        state.MapGet("/authorities", async (string state, string? lang, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok((await profiles.GetAsync(state, RequestLanguage.Of(lang), ct)).Authorities))
            .AllowPublic().WithName("ListAuthorities")
            .WithSummary("The State's authorities and points of contact, as the caller may see them.");

        state.MapGet("/authorities/{authorityId:guid}", async (string state, Guid authorityId, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.GetAuthorityAsync(state, authorityId, ct)))
            .AllowPublic().WithName("GetAuthority")
            .WithSummary("One authority, as the caller may see it, with whether it is in office now.");

        state.MapPost("/authorities", async (string state, AuthorityInput input, ProfileCommands profiles, CancellationToken ct) =>
            {
                var created = await profiles.CreateAuthorityAsync(state, input, ct);
                return TypedResults.Created($"/api/v1/states/{created.State}/authorities/{created.Id}", created);
            })
            .RequireRoles(Roles.StateAdministrator).WithName("CreateAuthority")
            .WithSummary("Designates an authority or point of contact (the State's administrators only).");

        state.MapPut("/authorities/{authorityId:guid}", async (string state, Guid authorityId, AuthorityInput input, ProfileCommands profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.UpdateAuthorityAsync(state, authorityId, input, ct)))
            .RequireRoles(Roles.StateAdministrator).WithName("UpdateAuthority")
            .WithSummary("Changes an authority. Send expectedVersion to be told (409) of a change made meanwhile.");

        state.MapDelete("/authorities/{authorityId:guid}", async Task<NoContent> (string state, Guid authorityId, int? expectedVersion, ProfileCommands profiles, CancellationToken ct) =>
            {
                await profiles.DeleteAuthorityAsync(state, authorityId, expectedVersion, ct);
                return TypedResults.NoContent();
            })
            .RequireRoles(Roles.StateAdministrator).WithName("DeleteAuthority")
            .WithSummary("Withdraws an authority; earlier versions of the profile still show it.");

        state.MapGet("/flags", async (string state, FlagCommands flags, CancellationToken ct) =>
                TypedResults.Ok(await flags.ListAsync(state, ct)))
            .RequireSignedIn().WithName("ListProfileFlags")
            .WithSummary("The secretariat's flags and the reminders (profile due for review, point that did not answer) for the State.");

        state.MapPost("/flags", async (string state, FlagInput input, FlagCommands flags, CancellationToken ct) =>
            {
                var flag = await flags.RaiseAsync(state, input.Note, ct);
                return TypedResults.Created($"/api/v1/states/{state.ToUpperInvariant()}/flags/{flag.Id}", flag);
            })
            .RequireRoles(Roles.Secretariat).WithName("RaiseProfileFlag")
            .WithSummary("The secretariat flags something in a profile for the State's administrators; it cannot edit the profile.");

        state.MapPost("/flags/{flagId:guid}/resolve", async (string state, Guid flagId, ResolveInput? input, FlagCommands flags, CancellationToken ct) =>
                TypedResults.Ok(await flags.ResolveAsync(state, flagId, input?.Resolution, ct)))
            .RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("ResolveProfileFlag")
            .WithSummary("Closes a flag: the State says what it did, or the secretariat withdraws it.");

        state.MapGet("/verification", async (string state, string? lang, VerificationCommands verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.HistoryAsync(state, RequestLanguage.Of(lang), ct)))
            .RequireSignedIn().WithName("StateVerificationHistory")
            .WithSummary("Every verification message sent to the State's points, with the time each took to acknowledge.");

        var register = api.MapGroup("/register").WithTags("Network");
        register.MapGet("/", async (string? region, string? kind, string? language, bool? aroundTheClock, string? q, string? lang, RegisterQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.RunAsync(new RegisterFilter(Blank(region), Blank(kind), Blank(language), aroundTheClock, Blank(q)), RequestLanguage.Of(lang), ct)))
            .AllowPublic().WithName("GetRegister")
            .WithSummary("The register of authorities and 24/7 points of contact (Art. 41), States in the language's order, filterable by region, kind, language, 24/7 and name.");

        register.MapGet("/csv", async (HttpContext http, string? region, string? kind, string? language, bool? aroundTheClock, string? q, string? lang, RegisterQuery query, IStringLocalizer<NetworkText> text, CancellationToken ct) =>
            {
                var l = RequestLanguage.Of(lang);
                var view = await query.RunAsync(new RegisterFilter(Blank(region), Blank(kind), Blank(language), aroundTheClock, Blank(q)), l, ct);
                // Headings are looked up now, in the request's language, before the body starts streaming.
                var headings = RegisterQuery.CsvColumns.ToDictionary(c => c, c => text["csv." + c].Value);
                return TypedResults.Stream(body => RegisterQuery.WriteCsvAsync(view, c => headings[c], body, ct)
                    , "text/csv; charset=utf-8", $"register-{l}-{view.GeneratedAt:yyyy-MM-dd}.csv");
            })
            .AllowPublic().WithName("ExportRegisterCsv")
            .WithSummary("The register as CSV (UTF-8), column headings and State names in the language asked, streamed.");

        var verify = api.MapGroup("/verification").WithTags("Network");
        verify.MapPost("/rounds", async (StartRound input, VerificationCommands verification, CancellationToken ct) =>
            {
                var round = await verification.StartAsync(input, ct);
                return TypedResults.Created($"/api/v1/verification/rounds/{round.Round.Id}", round);
            })
            .RequireRoles(Roles.Secretariat).WithName("StartVerificationRound")
            .WithSummary("Sends a verification message to every 24/7 point of contact, to acknowledge within the time given.");

        verify.MapGet("/rounds", async (VerificationCommands verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.ListAsync(ct)))
            .RequireRoles(Roles.Secretariat).WithName("ListVerificationRounds")
            .WithSummary("Rounds, newest first, each with its summary (shares acknowledged within 1 hour and 24 hours).");

        verify.MapGet("/rounds/{roundId:guid}", async (Guid roundId, string? lang, VerificationCommands verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.GetAsync(roundId, RequestLanguage.Of(lang), ct)))
            .RequireRoles(Roles.Secretariat).WithName("GetVerificationRound")
            .WithSummary("One round: its summary and every point's outcome, unanswered first.");

        verify.MapGet("/checks", async (string? lang, VerificationCommands verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.MineAsync(RequestLanguage.Of(lang), ct)))
            .RequireRoles(EndpointConventions.StateRoles).WithName("ListMyVerificationChecks")
            .WithSummary("Verification messages sent to the caller's State, open ones first.");

        verify.MapGet("/checks/{checkId:guid}", async (Guid checkId, string? lang, VerificationCommands verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.GetCheckAsync(checkId, RequestLanguage.Of(lang), ct)))
            .RequireSignedIn().WithName("GetVerificationCheck")
            .WithSummary("One verification message and its acknowledgement.");

        verify.MapPost("/checks/{checkId:guid}/acknowledge", async (Guid checkId, VerificationCommands verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.AcknowledgeAsync(checkId, ct)))
            .RequireRoles(Roles.PointOfContact, Roles.StateAdministrator).WithName("AcknowledgeVerification")
            .WithSummary("The point of contact confirms it received the verification message; the time taken is recorded.");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
