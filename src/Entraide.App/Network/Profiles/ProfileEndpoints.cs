using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Network.Profiles;

/// <summary>A State's profile, its versions and the secretariat's flags, for people and for States' own systems.</summary>
internal static class ProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var state = api.MapGroup("/states/{state}").WithTags("Network");

        state.MapGet("/profile", GetAsync)
            .AllowPublic().WithName("GetStateProfile")
            .WithSummary("A State's Convention status, declarations and authorities; contact fields shown as the caller may see them "
                + "(never a 24/7 point's phone to the public).");

        state.MapPut("/profile", UpdateAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("UpdateStateProfile")
            .WithSummary("Changes the profile (the State's administrators only). Send expectedVersion to be told (409) of a change made meanwhile.");

        state.MapPost("/profile/confirm", ConfirmAsync)
            .RequireRoles(Roles.StateAdministrator).WithName("ConfirmStateProfile")
            .WithSummary("Confirms the profile is still accurate, which restarts the twelve-month review reminder.");

        state.MapGet("/profile/versions", VersionsAsync)
            .RequireSignedIn().WithName("ListStateProfileVersions")
            .WithSummary("Every version of the profile, newest first, with who made it and when (the State and the secretariat).");

        state.MapGet("/profile/versions/{versionNumber:int}", VersionAsync)
            .RequireSignedIn().WithName("GetStateProfileVersion")
            .WithSummary("The profile and its authorities exactly as they stood in one version.");

        state.MapGet("/flags", FlagsAsync)
            .RequireSignedIn().WithName("ListProfileFlags")
            .WithSummary("The secretariat's flags and the reminders (profile due for review, point that did not answer) for the State.");

        state.MapPost("/flags", RaiseFlagAsync)
            .RequireRoles(Roles.Secretariat).WithName("RaiseProfileFlag")
            .WithSummary("The secretariat flags something in a profile for the State's administrators; it cannot edit the profile.");

        state.MapPost("/flags/{flagId:guid}/resolve", ResolveFlagAsync)
            .RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("ResolveProfileFlag")
            .WithSummary("Closes a flag: the State says what it did, or the secretariat withdraws it.");
    }

    private static async Task<Ok<ProfileView>> GetAsync(string state, string? lang, ProfileQueries profiles, CancellationToken ct) =>
        TypedResults.Ok(await profiles.GetAsync(state, RequestLanguage.Of(lang), ct));

    private static async Task<Ok<ProfileView>> UpdateAsync(string state, UpdateProfile command, UpdateProfileHandler handler,
        CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(state, command, ct));

    private static async Task<Ok<ProfileView>> ConfirmAsync(string state, ConfirmProfile? command, ConfirmProfileHandler handler,
        CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(state, command ?? new ConfirmProfile(null), ct));

    private static async Task<Ok<IReadOnlyList<VersionSummary>>> VersionsAsync(string state, ProfileQueries profiles, CancellationToken ct) =>
        TypedResults.Ok(await profiles.VersionsAsync(state, ct));

    private static async Task<Ok<VersionView>> VersionAsync(string state, int versionNumber, ProfileQueries profiles, CancellationToken ct) =>
        TypedResults.Ok(await profiles.VersionAsync(state, versionNumber, ct));

    private static async Task<Ok<FlagsView>> FlagsAsync(string state, FlagQueries flags, CancellationToken ct) =>
        TypedResults.Ok(await flags.ListAsync(state, ct));

    private static async Task<Created<FlagView>> RaiseFlagAsync(string state, RaiseProfileFlag command, RaiseProfileFlagHandler handler,
        CancellationToken ct)
    {
        var flag = await handler.HandleAsync(state, command, ct);
        return TypedResults.Created($"/api/v1/states/{state.ToUpperInvariant()}/flags/{flag.Id}", flag);
    }

    private static async Task<Ok<FlagView>> ResolveFlagAsync(string state, Guid flagId, ResolveProfileFlag? command,
        ResolveProfileFlagHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(state, flagId, command ?? new ResolveProfileFlag(null), ct));
}
