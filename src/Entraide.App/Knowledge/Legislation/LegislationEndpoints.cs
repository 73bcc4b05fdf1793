using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Knowledge.Legislation;

/// <summary>The legislation repository: public to read; a State's administrators and the secretariat maintain it.</summary>
internal static class LegislationEndpoints
{
    internal static readonly string[] Maintainers = [Roles.StateAdministrator, Roles.Secretariat];

    public static void Map(IEndpointRouteBuilder api)
    {
        var k = api.MapGroup("/knowledge").WithTags("Knowledge");
        var laws = k.MapGroup("/laws");
        laws.MapGet("/", ListAsync)
            .AllowPublic().WithName("ListLaws").WithSummary("National laws in the repository, by State and type.");
        laws.MapGet("/{lawId:guid}", GetAsync)
            .AllowPublic().WithName("GetLaw")
            .WithSummary("A law with its versions and the provisions in force on the date asked (today by default), or of the version asked.");
        laws.MapPost("/", CreateAsync)
            .RequireRoles(Maintainers).WithName("CreateLaw")
            .WithSummary("Record a law of the caller's State (the secretariat: of any State) with its first versions and provisions.");
        laws.MapPost("/{lawId:guid}/versions", AddVersionAsync)
            .RequireRoles(Maintainers).WithName("AddLawVersion")
            .WithSummary("Add a language version, or an amendment as a consolidated version at a later date; earlier versions are kept.");
        laws.MapPost("/{lawId:guid}/repeal", RepealAsync)
            .RequireRoles(Maintainers).WithName("RepealLaw").WithSummary("Record the law's repeal on a date; it stays readable as it was before.");

        k.MapPost("/imports", ImportAsync)
            .RequireRoles(Maintainers).WithName("ImportLaws")
            .WithSummary("Import laws from Akoma Ntoso 3.0 XML, CSV or JSON (format=akn|csv|json, or guessed). Every problem is reported with "
                + "its place in the file, and nothing is stored unless everything is valid.");
    }

    private static async Task<Ok<IReadOnlyList<LawSummary>>> ListAsync(string? state, string? type, bool? repealed, LegislationQueries q,
        CancellationToken ct) => TypedResults.Ok(await q.ListAsync(state, type, repealed ?? false, ct));

    private static async Task<Ok<LawDetail>> GetAsync(Guid lawId, DateOnly? on, string? lang, Guid? version, LegislationQueries q,
        CancellationToken ct) => TypedResults.Ok(await q.GetAsync(lawId, on, lang is null ? null : RequestLanguage.Of(lang), version, ct));

    private static async Task<Created<LawSummary>> CreateAsync(CreateLaw command, CreateLawHandler handler, CancellationToken ct)
    {
        var law = await handler.HandleAsync(command, ct);
        return TypedResults.Created($"/api/v1/knowledge/laws/{law.Id}", law);
    }

    private static async Task<Ok<LawSummary>> AddVersionAsync(Guid lawId, ExpressionInput input, AddLawVersionHandler handler,
        CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(lawId, input, ct));

    private static async Task<Ok<LawSummary>> RepealAsync(Guid lawId, RepealLaw command, RepealLawHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(lawId, command, ct));

    /// <summary>Reads the body as text, up to <see cref="LawImport.MaxBytes"/> characters, and imports it.</summary>
    private static async Task<Ok<ImportResult>> ImportAsync(HttpRequest request, string? format, ImportLawsHandler handler, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[LawImport.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > LawImport.MaxBytes) throw DomainException.Invalid("import-too-large", "file");
        return TypedResults.Ok(await handler.HandleAsync(new ImportLaws(format, request.ContentType, new string(buffer, 0, read)), ct));
    }
}
