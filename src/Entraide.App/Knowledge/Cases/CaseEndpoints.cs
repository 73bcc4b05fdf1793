using Entraide.App.Infrastructure.Http;
using Entraide.App.Knowledge.Legislation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Knowledge.Cases;

/// <summary>Court decisions and lessons learned.</summary>
internal static class CaseEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/knowledge/cases").WithTags("Knowledge");
        cases.MapGet("/", ListAsync)
            .AllowPublic().WithName("ListCases").WithSummary("Court decisions and lessons learned, by State, taxonomy term or provision.");
        cases.MapGet("/{caseId:guid}", GetAsync).AllowPublic().WithName("GetCase");
        cases.MapPost("/", CreateAsync)
            .RequireRoles(LegislationEndpoints.Maintainers).WithName("CreateCase")
            .WithSummary("Record a decision or a lesson learned, linked to provisions and terms.");
    }

    private static async Task<Ok<IReadOnlyList<CaseNoteView>>> ListAsync(string? state, string? term, Guid? provision, CaseNoteQueries cases,
        CancellationToken ct) => TypedResults.Ok(await cases.ListAsync(state, term, provision, ct));

    private static async Task<Ok<CaseNoteView>> GetAsync(Guid caseId, CaseNoteQueries cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.GetAsync(caseId, ct));

    private static async Task<Created<CaseNoteView>> CreateAsync(CreateCaseNote command, CreateCaseNoteHandler handler, CancellationToken ct)
    {
        var note = await handler.HandleAsync(command, ct);
        return TypedResults.Created($"/api/v1/knowledge/cases/{note.Id}", note);
    }
}
