using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Entraide.App.Cooperation;

/// <summary>The requests API: drafting, submission, the shared lifecycle, thread, attachments, inboxes, documents.</summary>
internal static class RequestEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private static readonly string[] Cooperation = RequestAccess.CooperationRoles;

    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/requests").WithTags("Cooperation");

        g.MapGet("/", async (string? box, string? bucket, string? type, string? status, string? q, int? page, int? pageSize, RequestQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.InboxAsync(new InboxQuery(box, bucket, type, status, q, page ?? 1, pageSize ?? 50), ct)))
            .RequireRoles(Cooperation).WithName("ListRequests")
            .WithSummary("The inbox of the caller's State: incoming (through the caller's roles) or outgoing; buckets new, due-soon, overdue; filters and search.");

        g.MapGet("/types", () => TypedResults.Ok(RequestCatalogue.All.Select(t => new
        {
            code = t.Code,
            article = t.Article,
            urgent = t.Urgent,
            bilateral = t.Bilateral,
            fields = t.Fields.Select(f => new { name = f.Name, article = f.Article, required = f.Required, kind = f.Kind.ToString().ToLowerInvariant(), maxLength = f.MaxLength }),
        })))
            .RequireRoles(Cooperation).WithName("ListRequestTypes")
            .WithSummary("Request types with the fields their article requires.");

        g.MapPost("/", async Task<Created<RequestView>> (DraftRequest cmd, RequestCommands commands, RequestQueries queries, ICurrentActor actor, CancellationToken ct) =>
            {
                var r = await commands.CreateDraftAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/requests/{r.Id}", await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
            })
            .RequireRoles(Cooperation).WithName("CreateDraftRequest")
            .WithSummary("Saves a draft: always possible, however incomplete.");

        g.MapPost("/submissions", async Task<Results<Created<RequestView>, Ok<RequestView>>> (DraftRequest cmd, [FromHeader(Name = IdempotencyHeader)] string? key,
                RequestCommands commands, RequestQueries queries, ICurrentActor actor, CancellationToken ct) =>
            {
                var (r, replayed) = await commands.SubmitNewAsync(cmd, key, ct);
                var view = await queries.ViewAsync(r, Side.Requesting, actor.Current, ct, created: !replayed);
                return replayed ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/requests/{r.Id}", view);
            })
            .RequireRoles(Roles.CentralAuthority, Roles.PointOfContact).WithName("SubmitNewRequest")
            .WithSummary("Drafts and submits in one call. Requires an Idempotency-Key header: a retry returns the first result (200); another body under the same key is refused (422).");

        g.MapGet("/{requestId:guid}", async (Guid requestId, RequestQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(requestId, ct)))
            .RequireRoles(Cooperation).WithName("GetRequest")
            .WithSummary("The request as the caller's side sees it, with its timeline, thread, attachments and the actions open to the caller.");

        g.MapPut("/{requestId:guid}", async (Guid requestId, DraftRequest cmd, RequestCommands commands, RequestQueries queries, ICurrentActor actor, CancellationToken ct) =>
            {
                var r = await commands.UpdateDraftAsync(requestId, cmd, ct);
                return TypedResults.Ok(await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
            })
            .RequireRoles(Cooperation).WithName("UpdateDraftRequest");

        g.MapPost("/{requestId:guid}/submit", async Task<Ok<RequestView>> (Guid requestId, [FromHeader(Name = IdempotencyHeader)] string? key,
                RequestCommands commands, RequestQueries queries, ICurrentActor actor, CancellationToken ct) =>
            {
                var (r, _) = await commands.SubmitDraftAsync(requestId, key, ct);
                return TypedResults.Ok(await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
            })
            .RequireRoles(Roles.CentralAuthority, Roles.PointOfContact).WithName("SubmitRequest")
            .WithSummary("Submits a draft; an incomplete one is refused with each missing field and its article. Requires an Idempotency-Key header.");

        g.MapPost("/{requestId:guid}/transitions", async (Guid requestId, TransitionRequest cmd, RequestCommands commands, RequestQueries queries, CancellationToken ct) =>
            {
                var r = await commands.TransitionAsync(requestId, cmd, ct);
                return TypedResults.Ok(await queries.GetAsync(r.Id, ct));
            })
            .RequireRoles(Cooperation).WithName("TransitionRequest")
            .WithSummary("Takes a step in the request's life (acknowledge, start-assessment, open-consultation, accept, start-execution, record-partial-execution, record-execution, postpone, resume, refuse, withdraw, extend-preservation).");

        g.MapPost("/{requestId:guid}/follow-up", async Task<Created<RequestView>> (Guid requestId, RequestCommands commands, RequestQueries queries, ICurrentActor actor, CancellationToken ct) =>
            {
                var r = await commands.CreateFollowUpAsync(requestId, ct);
                return TypedResults.Created($"/api/v1/requests/{r.Id}", await queries.ViewAsync(r, Side.Requesting, actor.Current, ct));
            })
            .RequireRoles(Cooperation).WithName("CreateFollowUpRequest")
            .WithSummary("Drafts the stored-data request that follows a preservation, carrying its reference and facts.");

        g.MapPost("/{requestId:guid}/messages", async Task<Created<MessageView>> (Guid requestId, PostMessage cmd, RequestCommands commands, CancellationToken ct) =>
            {
                var m = await commands.PostMessageAsync(requestId, cmd, ct);
                return TypedResults.Created($"/api/v1/requests/{requestId}", new MessageView(m.Id, Codes.Of(m.Kind), m.At, m.AuthorName, m.AuthorState, m.Body, m.InReplyTo));
            })
            .RequireRoles(Cooperation).WithName("PostRequestMessage")
            .WithSummary("Adds a message, status enquiry (requesting side) or status reply (requested side) to the thread.");

        // Multipart upload: State systems authenticate with bearer tokens, and the session cookie is
        // SameSite=Strict, so no cross-site form can reach this with a user's session.
        g.MapPost("/{requestId:guid}/attachments", async Task<Created<AttachmentView>> (Guid requestId, HttpRequest http, RequestCommands commands, ICurrentActor actor, CancellationToken ct) =>
            {
                if (!http.HasFormContentType) throw DomainException.Invalid("required", "file");
                var form = await http.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                int? retention = int.TryParse(form["retentionDays"], out var d) ? d : null;
                if (!string.IsNullOrEmpty(form["retentionDays"]) && retention is null) throw DomainException.Invalid("invalid-value", "retentionDays");
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                var a = await commands.AttachAsync(requestId, file?.FileName, file?.ContentType, stream, file?.Length ?? 0, form["useLimitation"], retention, ct);
                return TypedResults.Created($"/api/v1/requests/{requestId}/attachments/{a.Id}", RequestQueries.AttachmentViewOf(a, actor.Current));
            })
            .RequireRoles(Cooperation).DisableAntiforgery().WithName("AttachDocument")
            .WithSummary("Attaches a document (multipart field 'file', up to 10 MB), with optional use limitation and retention in days (Art. 36).");

        g.MapGet("/{requestId:guid}/attachments/{attachmentId:guid}", async (Guid requestId, Guid attachmentId, RequestQueries queries, CancellationToken ct) =>
            {
                var a = await queries.DownloadAsync(requestId, attachmentId, ct);
                return TypedResults.File(a.Content, a.ContentType, a.FileName);
            })
            .RequireRoles(Cooperation).WithName("DownloadAttachment")
            .WithSummary("The document, once its use conditions were acknowledged by the receiving State and while its retention lasts.");

        g.MapPost("/{requestId:guid}/attachments/{attachmentId:guid}/acknowledge", async (Guid requestId, Guid attachmentId, RequestCommands commands, ICurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(RequestQueries.AttachmentViewOf(await commands.AcknowledgeConditionsAsync(requestId, attachmentId, ct), actor.Current)))
            .RequireRoles(Cooperation).WithName("AcknowledgeAttachmentConditions");

        g.MapPost("/{requestId:guid}/attachments/{attachmentId:guid}/onward-transfer", async (Guid requestId, Guid attachmentId, OnwardTransferRequest cmd, RequestCommands commands, ICurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(RequestQueries.AttachmentViewOf(await commands.RequestOnwardTransferAsync(requestId, attachmentId, cmd, ct), actor.Current)))
            .RequireRoles(Cooperation).WithName("RequestOnwardTransfer")
            .WithSummary("Asks the sending State's authorisation to pass the document to a third State (Art. 36).");

        g.MapPost("/{requestId:guid}/attachments/{attachmentId:guid}/onward-transfer/decision", async (Guid requestId, Guid attachmentId, OnwardTransferDecision cmd, RequestCommands commands, ICurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(RequestQueries.AttachmentViewOf(await commands.DecideOnwardTransferAsync(requestId, attachmentId, cmd, ct), actor.Current)))
            .RequireRoles(Cooperation).WithName("DecideOnwardTransfer");

        g.MapGet("/{requestId:guid}/document", async (Guid requestId, string? format, HttpContext http, RequestDocument documents, IPdfPrinter printer, CancellationToken ct) =>
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
                    http.Response.Headers.RetryAfter = "60";
                    return ProblemResponses.Result(http, StatusCodes.Status503ServiceUnavailable, "pdf-unavailable");
                }
            })
            .RequireRoles(Cooperation).WithName("GetRequestDocument")
            .WithSummary("The submitted request as a formal document, HTML or PDF (format=pdf), in the language asked.");
    }
}
