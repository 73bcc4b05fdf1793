using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Entraide.App.Cooperation.Requests;

/// <summary>The requests API: drafting, submission, the shared lifecycle, the thread, inboxes, documents.</summary>
internal static class RequestEndpoints
{
    private static readonly string[] Cooperation = RequestAccess.CooperationRoles;
    private static readonly string[] Senders = [Roles.CentralAuthority, Roles.PointOfContact];

    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/requests").WithTags("Cooperation");

        g.MapGet("/", ListAsync).RequireRoles(Cooperation).WithName("ListRequests")
            .WithSummary("The inbox of the caller's State: incoming (through the caller's roles) or outgoing; buckets new, due-soon, overdue; "
                + "filters and search.");
        g.MapGet("/export", ExportAsync).RequireRoles(Cooperation).WithName("ExportRequests")
            .WithSummary("The inbox as a file (format=csv or xlsx), with the same box, filters and search as the listing; at most 10,000 rows.");
        g.MapGet("/types", ListTypes).RequireRoles(Cooperation).WithName("ListRequestTypes")
            .WithSummary("Request types with the fields their article requires.");
        g.MapPost("/", DraftAsync).RequireRoles(Cooperation).WithName("CreateDraftRequest")
            .WithSummary("Saves a draft: always possible, however incomplete.");
        g.MapPost("/submissions", SubmitNewAsync).RequireRoles(Senders).WithName("SubmitNewRequest")
            .WithSummary("Drafts and submits in one call. Requires an Idempotency-Key header: a retry returns the first result (200); another "
                + "body under the same key is refused (422).");
        g.MapGet("/{requestId:guid}", GetAsync).RequireRoles(Cooperation).WithName("GetRequest")
            .WithSummary("The request as the caller's side sees it, with its timeline, thread, attachments and the actions open to the caller.");
        g.MapPut("/{requestId:guid}", UpdateDraftAsync).RequireRoles(Cooperation).WithName("UpdateDraftRequest");
        g.MapPost("/{requestId:guid}/submit", SubmitDraftAsync).RequireRoles(Senders).WithName("SubmitRequest")
            .WithSummary("Submits a draft; an incomplete one is refused with each missing field and its article. "
                + "Requires an Idempotency-Key header.");
        g.MapPost("/{requestId:guid}/transitions", TransitionAsync).RequireRoles(Cooperation).WithName("TransitionRequest")
            .WithSummary("Takes a step in the request's life (acknowledge, start-assessment, open-consultation, accept, start-execution, "
                + "record-partial-execution, record-execution, postpone, resume, refuse, withdraw, extend-preservation).");
        g.MapPut("/{requestId:guid}/preservation-period", RecordPreservationPeriodAsync).RequireRoles(Senders)
            .WithName("RecordPreservationPeriod")
            .WithSummary("The requested State records how long it preserves the data (60 to 365 days, Art. 42); both sides see the new expiry.");
        g.MapPost("/{requestId:guid}/follow-up", DraftFollowUpAsync).RequireRoles(Cooperation).WithName("CreateFollowUpRequest")
            .WithSummary("Drafts the stored-data request that follows a preservation, carrying its reference and facts.");
        g.MapPost("/{requestId:guid}/messages", PostMessageAsync).RequireRoles(Cooperation).WithName("PostRequestMessage")
            .WithSummary("Adds a message, status enquiry (requesting side) or status reply (requested side) to the thread.");
        g.MapGet("/{requestId:guid}/document", GetDocumentAsync).RequireRoles(Cooperation).WithName("GetRequestDocument")
            .WithSummary("The submitted request as a formal document, HTML or PDF (format=pdf), in the language asked.");
    }

    private static async Task<Ok<InboxPage>> ListAsync(string? box, string? bucket, string? type, string? status, string? q, int? page, int? pageSize,
        string? assigned, RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.InboxAsync(new InboxQuery(box, bucket, type, status, q, page, pageSize, assigned), ct));

    private static async Task<Ok<RequestView>> RecordPreservationPeriodAsync(Guid requestId, RecordPreservationPeriod command,
        RecordPreservationPeriodHandler handler, RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(requestId, command, ct)).Id, ct));

    private static Task<IResult> ExportAsync(string? format, string? box, string? bucket, string? type, string? status, string? q,
        string? assigned, InboxExport export, CancellationToken ct) =>
        export.DownloadAsync(format, new InboxQuery(box, bucket, type, status, q, Assigned: assigned), ct);

    private static Ok<RequestTypeView[]> ListTypes() => TypedResults.Ok(RequestCatalogue.All.Select(RequestTypeView.Of).ToArray());

    private static async Task<Created<RequestView>> DraftAsync(DraftRequest command, DraftRequestHandler handler, RequestQueries queries,
        ICurrentActor actor, CancellationToken ct)
    {
        var r = await handler.HandleAsync(command, ct);
        return TypedResults.Created($"/api/v1/requests/{r.Id}", await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
    }

    private static async Task<Results<Created<RequestView>, Ok<RequestView>>> SubmitNewAsync(DraftRequest command,
        [FromHeader(Name = SubmissionKeys.Header)] string? key, SubmitNewRequestHandler handler, RequestQueries queries, ICurrentActor actor,
        CancellationToken ct)
    {
        var (r, replayed) = await handler.HandleAsync(new SubmitNewRequest(command, key), ct);
        var view = await queries.ViewAsync(r, Side.Requesting, actor.Current, ct, created: !replayed);
        return replayed ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/requests/{r.Id}", view);
    }

    private static async Task<Ok<RequestView>> GetAsync(Guid requestId, RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(requestId, ct));

    private static async Task<Ok<RequestView>> UpdateDraftAsync(Guid requestId, DraftRequest command, UpdateDraftHandler handler,
        RequestQueries queries, ICurrentActor actor, CancellationToken ct)
    {
        var r = await handler.HandleAsync(requestId, command, ct);
        return TypedResults.Ok(await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
    }

    private static async Task<Ok<RequestView>> SubmitDraftAsync(Guid requestId, [FromHeader(Name = SubmissionKeys.Header)] string? key,
        SubmitDraftHandler handler, RequestQueries queries, ICurrentActor actor, CancellationToken ct)
    {
        var (r, _) = await handler.HandleAsync(new SubmitDraft(requestId, key), ct);
        return TypedResults.Ok(await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
    }

    private static async Task<Ok<RequestView>> TransitionAsync(Guid requestId, TransitionRequest command, TransitionRequestHandler handler,
        RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(requestId, command, ct)).Id, ct));

    private static async Task<Created<RequestView>> DraftFollowUpAsync(Guid requestId, DraftFollowUpHandler handler, RequestQueries queries,
        ICurrentActor actor, CancellationToken ct)
    {
        var f = await handler.HandleAsync(new DraftFollowUp(requestId), ct);
        return TypedResults.Created($"/api/v1/requests/{f.Id}", await queries.ViewAsync(f, Side.Requesting, actor.Current, ct));
    }

    private static async Task<Created<MessageView>> PostMessageAsync(Guid requestId, PostMessage command, PostMessageHandler handler,
        CancellationToken ct) =>
        TypedResults.Created($"/api/v1/requests/{requestId}", MessageView.Of(await handler.HandleAsync(requestId, command, ct)));

    private static async Task<IResult> GetDocumentAsync(Guid requestId, string? format, HttpContext http, RequestDocument documents,
        IPdfPrinter printer, CancellationToken ct)
    {
        var html = await documents.RenderAsync(requestId, ct);
        if (!string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase)) return Results.Content(html.Html, "text/html; charset=utf-8");
        try
        {
            var pdf = await printer.PrintAsync(html.Html, new PdfOptions(HeaderTitle: html.Reference), ct);
            return Results.File(pdf, "application/pdf", html.Reference + ".pdf");
        }
        catch (DomainException e) when (e.Errors.Any(x => x.Code == "pdf-unavailable"))
        {
            return ProblemResponses.PdfUnavailable(http, $"/requests/{requestId}/document");
        }
    }
}
