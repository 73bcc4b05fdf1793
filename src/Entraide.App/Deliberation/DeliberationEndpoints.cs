using System.Globalization;
using System.Text;
using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Infrastructure.Csv;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation;

public sealed record VersionOnly(int Version);

internal static class DeliberationEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(IEndpointRouteBuilder api)
    {
        MapConsultations(api.MapGroup("/consultations").WithTags("Deliberation"));
        MapDrafts(api.MapGroup("/drafts").WithTags("Deliberation"));
        MapResolutions(api.MapGroup("/resolutions").WithTags("Deliberation"));
        MapVotes(api.MapGroup("/votes").WithTags("Deliberation"));
    }

    private static void MapConsultations(RouteGroupBuilder g)
    {
        g.MapGet("/", async (ConsultationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ListConsultations")
            .WithSummary("Consultations the caller's State is invited to (all, for the secretariat).");
        g.MapPost("/", async (OpenConsultation cmd, ConsultationHandlers h, CancellationToken ct) =>
            {
                var c = await h.OpenAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/consultations/{c.Id}", c);
            })
            .RequireRoles(Roles.Secretariat).WithName("OpenConsultation")
            .WithSummary("Opens a consultation: title, question, invitation, deadline, and the States invited (all Member States when none are named).");
        g.MapGet("/{consultationId:guid}", async (Guid consultationId, ConsultationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(consultationId, ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("GetConsultation");
        g.MapPut("/{consultationId:guid}", async (Guid consultationId, UpdateConsultation cmd, ConsultationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(consultationId, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("UpdateConsultation")
            .WithSummary("Sets the compilation's introduction and symbol.");
        g.MapPost("/{consultationId:guid}/extensions", async (Guid consultationId, ExtendDeadline cmd, ConsultationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ExtendAsync(consultationId, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("ExtendConsultationDeadline")
            .WithSummary("Extends the deadline (never shortens it); the change is kept in the consultation's history.");
        g.MapPost("/{consultationId:guid}/late-acceptances", async (Guid consultationId, AcceptLateSubmission cmd, ConsultationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AcceptLateAsync(consultationId, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("AcceptLateSubmission")
            .WithSummary("Accepts a submission from one State after the deadline, until the instant given.");
        g.MapPost("/{consultationId:guid}/submissions", async (Guid consultationId, SubmitComments cmd, ConsultationHandlers h, CancellationToken ct) =>
            {
                var s = await h.SubmitAsync(consultationId, cmd, ct);
                return TypedResults.Created($"/api/v1/consultations/{consultationId}/submissions/{s.Id}", s);
            })
            .RequireRoles(Roles.Delegate).WithName("SubmitComments")
            .WithSummary("The caller's State submits (or, before the deadline, replaces) its comments: text, original language, attachments in base64.");
        g.MapGet("/{consultationId:guid}/submissions/{submissionId:guid}", async (Guid consultationId, Guid submissionId, ConsultationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.GetSubmissionAsync(consultationId, submissionId, ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("GetSubmission");
        g.MapPut("/{consultationId:guid}/submissions/{submissionId:guid}/translations/{language}",
                async (Guid consultationId, Guid submissionId, string language, SetTranslation cmd, ConsultationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.SetTranslationAsync(consultationId, submissionId, language, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("SetSubmissionTranslation")
            .WithSummary("Records the translation of a submission into one language (empty text puts it back to awaiting translation).");
        g.MapGet("/{consultationId:guid}/attachments/{attachmentId:guid}", async (Guid consultationId, Guid attachmentId, ConsultationHandlers h, CancellationToken ct) =>
            {
                var a = await h.GetAttachmentAsync(consultationId, attachmentId, ct);
                return TypedResults.File(a.Content, a.ContentType, a.FileName);
            })
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("GetSubmissionAttachment");
        g.MapGet("/{consultationId:guid}/compilation", async (Guid consultationId, string? lang, string? format, HttpContext http, ConsultationHandlers h,
                IStringLocalizer<DeliberationText> text, IPdfPrinter pdf, CancellationToken ct) =>
            {
                var language = RequestLanguage.Of(lang);
                var doc = await h.CompileAsync(consultationId, language, ct);
                var labels = CompilationLabels.For(text, language);
                var name = FileName(doc.Symbol ?? "compilation") + "-" + language;
                switch ((format ?? "json").ToLowerInvariant())
                {
                    case "json": return Results.Ok(doc);
                    case "docx": return Results.File(CompilationExports.Docx(doc, labels), Docx, name + ".docx");
                    case "html": return Results.Content(CompilationExports.Html(doc, labels), "text/html; charset=utf-8");
                    case "pdf":
                        try
                        {
                            var bytes = await pdf.PrintAsync(CompilationExports.Html(doc, labels), new PdfOptions(HeaderTitle: doc.Symbol ?? doc.Title), ct);
                            return Results.File(bytes, "application/pdf", name + ".pdf");
                        }
                        catch (DomainException e) when (e.Errors.Any(x => x.Code == "pdf-unavailable"))
                        {
                            http.Response.Headers.RetryAfter = "60";
                            return ProblemResponses.Result(http, StatusCodes.Status503ServiceUnavailable, "pdf-unavailable");
                        }
                    default: throw DomainException.Invalid("unsupported-format", "format");
                }
            })
            .RequireRoles(Roles.Secretariat).WithName("CompileConsultation")
            .WithSummary("The compilation in one language (json, docx, pdf or html): sections in that language's order, with their translation status.");
    }

    private static void MapDrafts(RouteGroupBuilder g)
    {
        g.MapGet("/", async (DraftHandlers h, string? status, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(false, ParseStatus(status), ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ListDrafts")
            .WithSummary("Drafts the caller's State prepares or sponsors, and every issued draft.");
        g.MapPost("/", async (CreateDraft cmd, DraftHandlers h, CancellationToken ct) =>
            {
                var d = await h.CreateAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/drafts/{d.Id}", d);
            })
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("CreateDraft")
            .WithSummary("Starts a draft resolution; the answer carries the editor's warnings on each paragraph.");
        g.MapGet("/{draftId:guid}", async (Guid draftId, int? revision, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(draftId, revision, ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("GetDraft");
        g.MapPost("/{draftId:guid}/revisions", async (Guid draftId, ReviseDraft cmd, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReviseAsync(draftId, cmd, ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ReviseDraft")
            .WithSummary("Adds a revision (kept whole; an issued draft's revisions are /Rev.1, /Rev.2…).");
        g.MapPost("/{draftId:guid}/issue", async (Guid draftId, IssueDraft cmd, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.IssueAsync(draftId, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("IssueDraft")
            .WithSummary("Issues the draft under its symbol (e.g. A/C.3/74/L.11): it becomes public and open to co-sponsors.");
        g.MapPost("/{draftId:guid}/sponsors", async (Guid draftId, AddSponsor cmd, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AddSponsorAsync(draftId, cmd, ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("AddDraftSponsor")
            .WithSummary("Adds a sponsor: a main sponsor before issue, a co-sponsor (with the date it joined) after.");
        g.MapGet("/{draftId:guid}/diff", async (Guid draftId, int? from, int? to, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.DiffAsync(draftId, from, to, false, ct)))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("DiffDraft")
            .WithSummary("Paragraph-level comparison of two revisions (by default the current one and the one before).");
        g.MapGet("/{draftId:guid}/akn", async (Guid draftId, int? revision, DraftHandlers h, StateDirectory states, CancellationToken ct) =>
                DraftAkn(await h.LoadForExportAsync(draftId, revision, false, ct), states))
            .RequireRoles(Roles.Delegate, Roles.Secretariat).WithName("ExportDraftAkomaNtoso");
    }

    private static void MapResolutions(RouteGroupBuilder g)
    {
        g.MapGet("/", async (DraftHandlers h, string? status, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(true, ParseStatus(status), ct)))
            .AllowPublic().WithName("ListPublicDrafts")
            .WithSummary("Issued drafts and adopted or rejected texts: public documents.");
        g.MapGet("/{draftId:guid}", async (Guid draftId, int? revision, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetPublicAsync(draftId, revision, ct)))
            .AllowPublic().WithName("GetPublicDraft");
        g.MapGet("/{draftId:guid}/diff", async (Guid draftId, int? from, int? to, DraftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.DiffAsync(draftId, from, to, true, ct)))
            .AllowPublic().WithName("DiffPublicDraft");
        g.MapGet("/{draftId:guid}/akn", async (Guid draftId, int? revision, DraftHandlers h, StateDirectory states, CancellationToken ct) =>
                DraftAkn(await h.LoadForExportAsync(draftId, revision, true, ct), states))
            .AllowPublic().WithName("ExportPublicDraftAkomaNtoso")
            .WithSummary("Akoma Ntoso 3.0 statement (resolutionDraft, or resolution once adopted).");
    }

    private static void MapVotes(RouteGroupBuilder g)
    {
        g.MapGet("/", async (Guid? draftId, VoteHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(draftId, ct)))
            .AllowPublic().WithName("ListVotes")
            .WithSummary("Closed votes (the secretariat also sees open ones).");
        g.MapPost("/", async (CreateVote cmd, VoteHandlers h, CancellationToken ct) =>
            {
                var v = await h.CreateAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/votes/{v.Id}", v);
            })
            .RequireRoles(Roles.Secretariat).WithName("CreateVote")
            .WithSummary("Opens a recorded vote on a draft, an amendment or a paragraph, or records an adoption without a vote.");
        g.MapGet("/{voteId:guid}", async (Guid voteId, VoteHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(voteId, ct)))
            .AllowPublic().WithName("GetVote");
        g.MapPut("/{voteId:guid}/ballots", async (Guid voteId, RecordBallots cmd, VoteHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RecordBallotsAsync(voteId, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("RecordBallots")
            .WithSummary("Enters ballots while the vote is open: { \"ballots\": { \"FRA\": \"yes\", … }, \"version\": n }.");
        g.MapPost("/{voteId:guid}/ballots/import", async (Guid voteId, int? version, HttpRequest request, VoteHandlers h, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var content = await reader.ReadToEndAsync(ct);
                return TypedResults.Ok(await h.ImportBallotsAsync(voteId, content, version ?? -1, ct));
            })
            .RequireRoles(Roles.Secretariat).WithName("ImportBallots")
            .WithSummary("Replaces the ballots with a text/csv file: lines 'ISO3,choice', or ISO3 codes under 'yes' / 'no' / 'abstain' / 'non-participating' lines.");
        g.MapPost("/{voteId:guid}/close", async (Guid voteId, VersionOnly cmd, VoteHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CloseAsync(voteId, cmd.Version, ct)))
            .RequireRoles(Roles.Secretariat).WithName("CloseVote")
            .WithSummary("Closes the vote: the tally and outcome are fixed and the ballots can no longer change.");
        g.MapPost("/{voteId:guid}/footnotes", async (Guid voteId, AddFootnote cmd, VoteHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AddFootnoteAsync(voteId, cmd, ct)))
            .RequireRoles(Roles.Secretariat).WithName("AddVoteFootnote")
            .WithSummary("Records a State's later statement that it had intended another vote; the ballot stays as cast.");
        g.MapGet("/{voteId:guid}/report", async (Guid voteId, string? lang, string? format, VoteHandlers h, CancellationToken ct) =>
            {
                var report = await h.ReportAsync(voteId, RequestLanguage.Of(lang), ct);
                return (format ?? "json").ToLowerInvariant() switch
                {
                    "text" => Results.Text(report.ToPlainText(), "text/plain; charset=utf-8"),
                    "json" => Results.Ok(new
                    {
                        language = report.Language,
                        outcome = report.Outcome,
                        lists = report.Lists.Select(l => new { heading = l.Heading, names = l.Names }),
                        footnotes = report.Footnotes,
                    }),
                    _ => throw DomainException.Invalid("unsupported-format", "format"),
                };
            })
            .AllowPublic().WithName("GetVoteReport")
            .WithSummary("The vote report in one of the six languages, in the official form.");
        g.MapGet("/{voteId:guid}/csv", async (Guid voteId, string? lang, VoteHandlers h, StateDirectory states, CancellationToken ct) =>
            {
                var language = RequestLanguage.Of(lang);
                var v = await h.LoadForExportAsync(voteId, ct);
                return CsvFiles.Download(FileName(v.DraftSymbol) + "-vote.csv", VoteCsv.Header, VoteCsv.Rows(v, language, states));
            })
            .AllowPublic().WithName("ExportVoteCsv");
        g.MapGet("/{voteId:guid}/akn", async (Guid voteId, string? lang, VoteHandlers h, StateDirectory states, CancellationToken ct) =>
            {
                var v = await h.LoadForExportAsync(voteId, ct);
                var doc = AkomaNtoso.VoteRecord(v, h.Report(v, RequestLanguage.Of(lang)), states);
                return Results.File(AkomaNtoso.ToBytes(doc), "application/akn+xml", FileName(v.DraftSymbol) + "-vote.xml");
            })
            .AllowPublic().WithName("ExportVoteAkomaNtoso");
    }

    private static IResult DraftAkn((DraftResolution Draft, DraftRevision Revision) export, StateDirectory states)
    {
        var (d, r) = export;
        var doc = AkomaNtoso.Draft(d, r, DraftHandlers.Paragraphs(r), states);
        return Results.File(AkomaNtoso.ToBytes(doc), "application/akn+xml", FileName(d.SymbolOf(r.Number) ?? "draft") + ".xml");
    }

    private static DraftStatus? ParseStatus(string? status) => status is null ? null
        : Enum.TryParse<DraftStatus>(status, ignoreCase: true, out var s) ? s : throw DomainException.Invalid("invalid-value", "status");

    private static string FileName(string symbol) => symbol.Replace('/', '-').Replace('.', '_').ToLowerInvariant();
}
