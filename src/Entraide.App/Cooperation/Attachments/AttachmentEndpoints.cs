using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Cooperation.Attachments;

/// <summary>A request's documents: upload, download, the sender's conditions and onward transfers (Art. 36).</summary>
internal static class AttachmentEndpoints
{
    private static readonly string[] Cooperation = RequestAccess.CooperationRoles;

    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/requests").WithTags("Cooperation");

        // Multipart upload: State systems authenticate with bearer tokens, and the session cookie is
        // SameSite=Strict, so no cross-site form can reach this with a user's session.
        g.MapPost("/{requestId:guid}/attachments", AttachAsync).RequireRoles(Cooperation).DisableAntiforgery().WithName("AttachDocument")
            .WithSummary("Attaches a document (multipart field 'file', up to 10 MB), with optional use limitation and retention in days (Art. 36).");
        g.MapGet("/{requestId:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequireRoles(Cooperation).WithName("DownloadAttachment")
            .WithSummary("The document, once its use conditions were acknowledged by the receiving State and while its retention lasts.");
        g.MapPost("/{requestId:guid}/attachments/{attachmentId:guid}/acknowledge", AcknowledgeConditionsAsync).RequireRoles(Cooperation)
            .WithName("AcknowledgeAttachmentConditions");
        g.MapPost("/{requestId:guid}/attachments/{attachmentId:guid}/onward-transfer", RequestOnwardTransferAsync).RequireRoles(Cooperation)
            .WithName("RequestOnwardTransfer")
            .WithSummary("Asks the sending State's authorisation to pass the document to a third State (Art. 36).");
        g.MapPost("/{requestId:guid}/attachments/{attachmentId:guid}/onward-transfer/decision", DecideOnwardTransferAsync).RequireRoles(Cooperation)
            .WithName("DecideOnwardTransfer");
    }

    private static async Task<Created<AttachmentView>> AttachAsync(Guid requestId, HttpRequest http, AttachDocumentHandler handler,
        ICurrentActor actor, CancellationToken ct)
    {
        var form = await ReadFormAsync(http, ct);
        var file = form.Files.GetFile("file");
        var retention = RetentionDays(form["retentionDays"]);
        await using var stream = file?.OpenReadStream() ?? Stream.Null;
        var command = new AttachDocument(file?.FileName, file?.ContentType, stream, file?.Length ?? 0, form["useLimitation"], retention);
        var a = await handler.HandleAsync(requestId, command, ct);
        return TypedResults.Created($"/api/v1/requests/{requestId}/attachments/{a.Id}", AttachmentQueries.ViewOf(a, actor.Current));
    }

    private static async Task<FileContentHttpResult> DownloadAsync(Guid requestId, Guid attachmentId, AttachmentQueries queries, CancellationToken ct)
    {
        var a = await queries.DownloadAsync(requestId, attachmentId, ct);
        return TypedResults.File(a.Content, a.ContentType, a.FileName);
    }

    private static async Task<Ok<AttachmentView>> AcknowledgeConditionsAsync(Guid requestId, Guid attachmentId, AcknowledgeConditionsHandler handler,
        ICurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(AttachmentQueries.ViewOf(await handler.HandleAsync(new AcknowledgeConditions(requestId, attachmentId), ct), actor.Current));

    private static async Task<Ok<AttachmentView>> RequestOnwardTransferAsync(Guid requestId, Guid attachmentId, RequestOnwardTransfer command,
        RequestOnwardTransferHandler handler, ICurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(AttachmentQueries.ViewOf(await handler.HandleAsync(requestId, attachmentId, command, ct), actor.Current));

    private static async Task<Ok<AttachmentView>> DecideOnwardTransferAsync(Guid requestId, Guid attachmentId, DecideOnwardTransfer command,
        DecideOnwardTransferHandler handler, ICurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(AttachmentQueries.ViewOf(await handler.HandleAsync(requestId, attachmentId, command, ct), actor.Current));

    // A body that is not a multipart form, or a form cut short, is the client's error (400), never the server's.
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasFormContentType) throw DomainException.Invalid("required", "file");
        try
        {
            return await http.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static int? RetentionDays(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days)
            ? days
            : throw DomainException.Invalid("invalid-value", "retentionDays");
    }
}
