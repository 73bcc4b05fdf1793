using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Deliberation.Drafts;

/// <summary>Draft resolutions (<c>/drafts</c>, for delegates and the secretariat) and their public record (<c>/resolutions</c>).</summary>
internal static class DraftEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/drafts").WithTags("Deliberation");
        g.MapGet("/", ListAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ListDrafts")
            .WithSummary("Drafts the caller's State prepares or sponsors, and every issued draft.");
        g.MapPost("/", CreateAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("CreateDraft")
            .WithSummary("Starts a draft resolution; the answer carries the editor's warnings on each paragraph.");
        g.MapGet("/{draftId:guid}", GetAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("GetDraft");
        g.MapPost("/{draftId:guid}/revisions", ReviseAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ReviseDraft")
            .WithSummary("Adds a revision (kept whole; an issued draft's revisions are /Rev.1, /Rev.2…).");
        g.MapPost("/{draftId:guid}/issue", IssueAsync).RequireRoles(Roles.Secretariat).WithName("IssueDraft")
            .WithSummary("Issues the draft under its symbol (e.g. A/C.3/74/L.11): it becomes public and open to co-sponsors.");
        g.MapPost("/{draftId:guid}/sponsors", AddSponsorAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("AddDraftSponsor")
            .WithSummary("Adds a sponsor: a main sponsor before issue, a co-sponsor (with the date it joined) after.");
        g.MapGet("/{draftId:guid}/diff", DiffAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("DiffDraft")
            .WithSummary("Paragraph-level comparison of two revisions (by default the current one and the one before).");
        g.MapGet("/{draftId:guid}/akn", ExportAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ExportDraftAkomaNtoso");

        var r = api.MapGroup("/resolutions").WithTags("Deliberation");
        r.MapGet("/", ListPublicAsync).AllowPublic().WithName("ListPublicDrafts")
            .WithSummary("Issued drafts and adopted or rejected texts: public documents.");
        r.MapGet("/{draftId:guid}", GetPublicAsync).AllowPublic().WithName("GetPublicDraft");
        r.MapGet("/{draftId:guid}/diff", DiffPublicAsync).AllowPublic().WithName("DiffPublicDraft");
        r.MapGet("/{draftId:guid}/akn", ExportPublicAsync).AllowPublic().WithName("ExportPublicDraftAkomaNtoso")
            .WithSummary("Akoma Ntoso 3.0 statement (resolutionDraft, or resolution once adopted).");
    }

    private static async Task<Ok<IReadOnlyList<DraftView>>> ListAsync(string? status, DraftQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(false, ParseStatus(status), ct));

    private static async Task<Created<DraftView>> CreateAsync(CreateDraft command, CreateDraftHandler handler, DraftQueries queries,
        CancellationToken ct)
    {
        var d = await queries.GetAsync((await handler.HandleAsync(command, ct)).Id, null, ct);
        return TypedResults.Created($"/api/v1/drafts/{d.Id}", d);
    }

    private static async Task<Ok<DraftView>> GetAsync(Guid draftId, int? revision, DraftQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(draftId, revision, ct));

    private static async Task<Ok<DraftView>> ReviseAsync(Guid draftId, ReviseDraft command, ReviseDraftHandler handler, DraftQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(draftId, command, ct)).Id, null, ct));

    private static async Task<Ok<DraftView>> IssueAsync(Guid draftId, IssueDraft command, IssueDraftHandler handler, DraftQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(draftId, command, ct)).Id, null, ct));

    private static async Task<Ok<DraftView>> AddSponsorAsync(Guid draftId, AddSponsor command, AddSponsorHandler handler, DraftQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(draftId, command, ct)).Id, null, ct));

    private static async Task<Ok<DiffView>> DiffAsync(Guid draftId, int? from, int? to, DraftQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DiffAsync(draftId, from, to, false, ct));

    private static async Task<IResult> ExportAsync(Guid draftId, int? revision, DraftQueries queries, StateDirectory states, CancellationToken ct) =>
        Akn(await queries.ExportAsync(draftId, revision, false, ct), states);

    private static async Task<Ok<IReadOnlyList<DraftView>>> ListPublicAsync(string? status, DraftQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(true, ParseStatus(status), ct));

    private static async Task<Ok<DraftView>> GetPublicAsync(Guid draftId, int? revision, DraftQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetPublicAsync(draftId, revision, ct));

    private static async Task<Ok<DiffView>> DiffPublicAsync(Guid draftId, int? from, int? to, DraftQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DiffAsync(draftId, from, to, true, ct));

    private static async Task<IResult> ExportPublicAsync(Guid draftId, int? revision, DraftQueries queries, StateDirectory states,
        CancellationToken ct) =>
        Akn(await queries.ExportAsync(draftId, revision, true, ct), states);

    private static IResult Akn((DraftResolution Draft, DraftRevision Revision) export, StateDirectory states)
    {
        var (d, r) = export;
        var doc = AkomaNtoso.Draft(d, r, r.Paragraphs(), states);
        return Results.File(AkomaNtoso.ToBytes(doc), "application/akn+xml", DeliberationFiles.Name(d.SymbolOf(r.Number) ?? "draft") + ".xml");
    }

    private static DraftStatus? ParseStatus(string? status) => status is null ? null
        : Enum.TryParse<DraftStatus>(status, ignoreCase: true, out var s) ? s : throw DomainException.Invalid("invalid-value", "status");
}
