using System.Text;
using Entraide.App.Infrastructure.Csv;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Deliberation.Votes;

/// <summary>Votes: opened, entered and closed by the secretariat; public records once closed, with their report and exports.</summary>
internal static class VoteEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/votes").WithTags("Deliberation");
        g.MapGet("/", ListAsync).AllowPublic().WithName("ListVotes")
            .WithSummary("Closed votes (the secretariat also sees open ones).");
        g.MapPost("/", CreateAsync).RequireRoles(Roles.Secretariat).WithName("CreateVote")
            .WithSummary("Opens a recorded vote on a draft, an amendment or a paragraph, or records an adoption without a vote.");
        g.MapGet("/{voteId:guid}", GetAsync).AllowPublic().WithName("GetVote");
        g.MapPut("/{voteId:guid}/ballots", RecordBallotsAsync).RequireRoles(Roles.Secretariat).WithName("RecordBallots")
            .WithSummary("Enters ballots while the vote is open: { \"ballots\": { \"FRA\": \"yes\", … }, \"version\": n }.");
        g.MapPost("/{voteId:guid}/ballots/import", ImportBallotsAsync).RequireRoles(Roles.Secretariat).WithName("ImportBallots")
            .WithSummary("Replaces the ballots with a text/csv file: lines 'ISO3,choice', or ISO3 codes under 'yes' / 'no' / 'abstain' / "
                + "'non-participating' lines.");
        g.MapPost("/{voteId:guid}/close", CloseAsync).RequireRoles(Roles.Secretariat).WithName("CloseVote")
            .WithSummary("Closes the vote: the tally and outcome are fixed and the ballots can no longer change.");
        g.MapPost("/{voteId:guid}/footnotes", AddFootnoteAsync).RequireRoles(Roles.Secretariat).WithName("AddVoteFootnote")
            .WithSummary("Records a State's later statement that it had intended another vote; the ballot stays as cast.");
        g.MapGet("/{voteId:guid}/report", ReportAsync).AllowPublic().WithName("GetVoteReport")
            .WithSummary("The vote report in one of the six languages, in the official form.");
        g.MapGet("/{voteId:guid}/csv", ExportCsvAsync).AllowPublic().WithName("ExportVoteCsv");
        g.MapGet("/{voteId:guid}/akn", ExportAknAsync).AllowPublic().WithName("ExportVoteAkomaNtoso");
    }

    private static async Task<Ok<IReadOnlyList<VoteView>>> ListAsync(Guid? draftId, VoteQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(draftId, ct));

    private static async Task<Created<VoteView>> CreateAsync(CreateVote command, CreateVoteHandler handler, VoteQueries queries, CancellationToken ct)
    {
        var v = await queries.GetAsync((await handler.HandleAsync(command, ct)).Id, ct);
        return TypedResults.Created($"/api/v1/votes/{v.Id}", v);
    }

    private static async Task<Ok<VoteView>> GetAsync(Guid voteId, VoteQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(voteId, ct));

    private static async Task<Ok<VoteView>> RecordBallotsAsync(Guid voteId, RecordBallots command, RecordBallotsHandler handler, VoteQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(voteId, command, ct)).Id, ct));

    private static async Task<Ok<VoteView>> ImportBallotsAsync(Guid voteId, int? version, HttpRequest request, ImportBallotsHandler handler,
        VoteQueries queries, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var content = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(voteId, new ImportBallots(content, version ?? -1), ct)).Id, ct));
    }

    private static async Task<Ok<VoteView>> CloseAsync(Guid voteId, CloseVote command, CloseVoteHandler handler, VoteQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(voteId, command, ct)).Id, ct));

    private static async Task<Ok<VoteView>> AddFootnoteAsync(Guid voteId, AddFootnote command, AddFootnoteHandler handler, VoteQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync((await handler.HandleAsync(voteId, command, ct)).Id, ct));

    private static async Task<IResult> ReportAsync(Guid voteId, string? lang, string? format, VoteQueries queries, CancellationToken ct)
    {
        var report = await queries.ReportAsync(voteId, RequestLanguage.Of(lang), ct);
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
    }

    private static async Task<IResult> ExportCsvAsync(Guid voteId, string? lang, VoteQueries queries, StateDirectory states, CancellationToken ct)
    {
        var language = RequestLanguage.Of(lang);
        var v = await queries.LoadAsync(voteId, ct, tracking: false);
        return CsvFiles.Download(DeliberationFiles.Name(v.DraftSymbol) + "-vote.csv", VoteCsv.Header, VoteCsv.Rows(v, language, states));
    }

    private static async Task<IResult> ExportAknAsync(Guid voteId, string? lang, VoteQueries queries, StateDirectory states, CancellationToken ct)
    {
        var v = await queries.LoadAsync(voteId, ct, tracking: false);
        var doc = AkomaNtoso.VoteRecord(v, queries.Report(v, RequestLanguage.Of(lang)), states);
        return Results.File(AkomaNtoso.ToBytes(doc), "application/akn+xml", DeliberationFiles.Name(v.DraftSymbol) + "-vote.xml");
    }
}
