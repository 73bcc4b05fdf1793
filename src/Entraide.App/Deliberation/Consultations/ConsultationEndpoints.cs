using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Consultations;

/// <summary>Consultations, the States' submissions and their translations, and the compilation.</summary>
internal static class ConsultationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/consultations").WithTags("Deliberation");
        g.MapGet("/", ListAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ListConsultations")
            .WithSummary("Consultations the caller's State is invited to (all, for the secretariat).");
        g.MapPost("/", OpenAsync).RequireRoles(Roles.Secretariat).WithName("OpenConsultation")
            .WithSummary("Opens a consultation: title, question, invitation, deadline, and the States invited "
                + "(all Member States when none are named).");
        g.MapGet("/{consultationId:guid}", GetAsync).RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("GetConsultation");
        g.MapPut("/{consultationId:guid}", UpdateAsync).RequireRoles(Roles.Secretariat).WithName("UpdateConsultation")
            .WithSummary("Sets the compilation's introduction and symbol.");
        g.MapPost("/{consultationId:guid}/extensions", ExtendAsync).RequireRoles(Roles.Secretariat).WithName("ExtendConsultationDeadline")
            .WithSummary("Extends the deadline (never shortens it); the change is kept in the consultation's history.");
        g.MapPost("/{consultationId:guid}/late-acceptances", AcceptLateAsync).RequireRoles(Roles.Secretariat).WithName("AcceptLateSubmission")
            .WithSummary("Accepts a submission from one State after the deadline, until the instant given.");
        g.MapPost("/{consultationId:guid}/submissions", SubmitAsync).RequireRoles(Roles.Delegate).WithName("SubmitComments")
            .WithSummary("The caller's State submits (or, before the deadline, replaces) its comments: text, original language, "
                + "attachments in base64.");
        g.MapGet("/{consultationId:guid}/submissions/{submissionId:guid}", GetSubmissionAsync).RequireRoles(Roles.Delegate, Roles.Secretariat)
            .WithName("GetSubmission");
        g.MapPut("/{consultationId:guid}/submissions/{submissionId:guid}/translations/{language}", SetTranslationAsync)
            .RequireRoles(Roles.Secretariat).WithName("SetSubmissionTranslation")
            .WithSummary("Records the translation of a submission into one language (empty text puts it back to awaiting translation).");
        g.MapGet("/{consultationId:guid}/attachments/{attachmentId:guid}", GetAttachmentAsync).RequireRoles(Roles.Delegate, Roles.Secretariat)
            .WithName("GetSubmissionAttachment");
        g.MapGet("/{consultationId:guid}/compilation", CompileAsync).RequireRoles(Roles.Secretariat).WithName("CompileConsultation")
            .WithSummary("The compilation in one language (json, docx, pdf or html): sections in that language's order, "
                + "with their translation status.");
    }

    private static async Task<Ok<IReadOnlyList<ConsultationView>>> ListAsync(ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    private static async Task<Created<ConsultationView>> OpenAsync(OpenConsultation command, OpenConsultationHandler handler,
        ConsultationQueries queries, CancellationToken ct)
    {
        var c = await queries.GetAsync((await handler.HandleAsync(command, ct)).Id, ct);
        return TypedResults.Created($"/api/v1/consultations/{c.Id}", c);
    }

    private static async Task<Ok<ConsultationView>> GetAsync(Guid consultationId, ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(consultationId, ct));

    private static async Task<Ok<ConsultationView>> UpdateAsync(Guid consultationId, UpdateConsultation command, UpdateConsultationHandler handler,
        ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(consultationId, command, ct)).Id, ct));

    private static async Task<Ok<ConsultationView>> ExtendAsync(Guid consultationId, ExtendDeadline command, ExtendDeadlineHandler handler,
        ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(consultationId, command, ct)).Id, ct));

    private static async Task<Ok<ConsultationView>> AcceptLateAsync(Guid consultationId, AcceptLateSubmission command,
        AcceptLateSubmissionHandler handler, ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(consultationId, command, ct)).Id, ct));

    private static async Task<Created<SubmissionView>> SubmitAsync(Guid consultationId, SubmitComments command, SubmitCommentsHandler handler,
        ConsultationQueries queries, CancellationToken ct)
    {
        var s = await queries.GetSubmissionAsync(consultationId, (await handler.HandleAsync(consultationId, command, ct)).Id, ct);
        return TypedResults.Created($"/api/v1/consultations/{consultationId}/submissions/{s.Id}", s);
    }

    private static async Task<Ok<SubmissionView>> GetSubmissionAsync(Guid consultationId, Guid submissionId, ConsultationQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetSubmissionAsync(consultationId, submissionId, ct));

    private static async Task<Ok<SubmissionView>> SetTranslationAsync(Guid consultationId, Guid submissionId, string language, SetTranslation command,
        SetTranslationHandler handler, ConsultationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetSubmissionAsync(consultationId,
            await handler.HandleAsync(consultationId, submissionId, language, command, ct), ct));

    private static async Task<FileContentHttpResult> GetAttachmentAsync(Guid consultationId, Guid attachmentId, ConsultationQueries queries,
        CancellationToken ct)
    {
        var a = await queries.GetAttachmentAsync(consultationId, attachmentId, ct);
        return TypedResults.File(a.Content, a.ContentType, a.FileName);
    }

    private static async Task<IResult> CompileAsync(Guid consultationId, string? lang, string? format, HttpContext http, ConsultationQueries queries,
        IStringLocalizer<DeliberationText> text, IPdfPrinter pdf, CancellationToken ct)
    {
        var language = RequestLanguage.Of(lang);
        var doc = await queries.CompileAsync(consultationId, language, ct);
        var labels = CompilationLabels.For(text, language);
        var name = DeliberationFiles.Name(doc.Symbol ?? "compilation") + "-" + language;
        switch ((format ?? "json").ToLowerInvariant())
        {
            case "json": return Results.Ok(doc);
            case "docx": return Results.File(CompilationExports.Docx(doc, labels), DeliberationFiles.Docx, name + ".docx");
            case "html": return Results.Content(CompilationExports.Html(doc, labels), "text/html; charset=utf-8");
            case "pdf":
                try
                {
                    var bytes = await pdf.PrintAsync(CompilationExports.Html(doc, labels), new PdfOptions(HeaderTitle: doc.Symbol ?? doc.Title), ct);
                    return Results.File(bytes, "application/pdf", name + ".pdf");
                }
                catch (DomainException e) when (e.Errors.Any(x => x.Code == "pdf-unavailable"))
                {
                    return ProblemResponses.PdfUnavailable(http,
                        $"/api/v1/consultations/{consultationId}/compilation?format=html&lang={language}");
                }
            default: throw DomainException.Invalid("unsupported-format", "format");
        }
    }
}
