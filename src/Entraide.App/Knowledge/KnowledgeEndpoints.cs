using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Knowledge.Search;
using Entraide.App.Network;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Knowledge;

public sealed record TermView(string Code, string Kind, string? Article, string? BudapestArticle, string Label,
    IReadOnlyDictionary<string, string> Labels, string Since);

public sealed record TaxonomyView(string Version, IReadOnlyList<TermView> Terms);

public sealed record ImportResult(int Laws, int Provisions, IReadOnlyList<LawSummary> Created);

internal static class KnowledgeEndpoints
{
    private static readonly string[] Maintainers = [Roles.StateAdministrator, Roles.Secretariat];

    public static TaxonomyView Taxonomy(string language) => new(OffenceTaxonomy.Current.Version,
        [.. OffenceTaxonomy.Current.Terms.Select(t => new TermView(t.Code, CriminalisationService.KindName(t.Kind), t.Article, t.BudapestArticle,
            t.Label(language), t.Labels, t.Since))]);

    public static void Map(IEndpointRouteBuilder api)
    {
        var k = api.MapGroup("/knowledge").WithTags("Knowledge");

        k.MapGet("/taxonomy", (string? lang) => TypedResults.Ok(Taxonomy(RequestLanguage.Of(lang))))
            .AllowPublic().WithName("GetTaxonomy")
            .WithSummary("The versioned taxonomy of conduct: core offences (Arts 7–17), optional categories (A/AC.291/4) and procedural powers, labelled in six languages.");

        var laws = k.MapGroup("/laws");
        laws.MapGet("/", async (string? state, string? type, bool? repealed, LegislationQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.ListAsync(state, type, repealed ?? false, ct)))
            .AllowPublic().WithName("ListLaws").WithSummary("National laws in the repository, by State and type.");
        laws.MapGet("/{lawId:guid}", async (Guid lawId, DateOnly? on, string? lang, Guid? version, LegislationQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.GetAsync(lawId, on, lang is null ? null : RequestLanguage.Of(lang), version, ct)))
            .AllowPublic().WithName("GetLaw").WithSummary("A law with its versions and the provisions in force on the date asked (today by default), or of the version asked.");
        laws.MapPost("/", async Task<Created<LawSummary>> (CreateLaw cmd, LegislationCommands c, CancellationToken ct) =>
            {
                var law = await c.CreateAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/knowledge/laws/{law.Id}", law);
            })
            .RequireRoles(Maintainers).WithName("CreateLaw").WithSummary("Record a law of the caller's State (the secretariat: of any State) with its first versions and provisions.");
        laws.MapPost("/{lawId:guid}/versions", async (Guid lawId, ExpressionInput input, LegislationCommands c, CancellationToken ct) =>
                TypedResults.Ok(await c.AddExpressionAsync(lawId, input, ct)))
            .RequireRoles(Maintainers).WithName("AddLawVersion").WithSummary("Add a language version, or an amendment as a consolidated version at a later date; earlier versions are kept.");
        laws.MapPost("/{lawId:guid}/repeal", async (Guid lawId, RepealLaw cmd, LegislationCommands c, CancellationToken ct) =>
                TypedResults.Ok(await c.RepealAsync(lawId, cmd, ct)))
            .RequireRoles(Maintainers).WithName("RepealLaw").WithSummary("Record the law's repeal on a date; it stays readable as it was before.");

        k.MapPost("/imports", async (HttpRequest request, string? format, LegislationCommands c, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                var buffer = new char[LawImport.MaxBytes + 1];
                var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
                if (read > LawImport.MaxBytes) throw DomainException.Invalid("import-too-large", "file");
                var content = new string(buffer, 0, read);
                if (content.Trim().Length == 0) throw new DomainException(FailureKind.Invalid, DomainError.Required("file"));
                var parsed = LawImport.Parse(ImportFormats.Detect(format, request.ContentType, content), content);
                var created = await c.CreateManyAsync(parsed.Laws, parsed.Locate, ct);
                return TypedResults.Ok(new ImportResult(created.Count, parsed.Laws.Sum(l => l.Expressions!.Sum(e => e.Provisions!.Count)), created));
            })
            .RequireRoles(Maintainers).WithName("ImportLaws")
            .WithSummary("Import laws from Akoma Ntoso 3.0 XML, CSV or JSON (format=akn|csv|json, or guessed). Every problem is reported with its place in the file, and nothing is stored unless everything is valid.");

        var cases = k.MapGroup("/cases");
        cases.MapGet("/", async (string? state, string? term, Guid? provision, CaseNoteCommands c, CancellationToken ct) =>
                TypedResults.Ok(await c.ListAsync(state, term, provision, ct)))
            .AllowPublic().WithName("ListCases").WithSummary("Court decisions and lessons learned, by State, taxonomy term or provision.");
        cases.MapGet("/{caseId:guid}", async (Guid caseId, CaseNoteCommands c, CancellationToken ct) => TypedResults.Ok(await c.GetAsync(caseId, ct)))
            .AllowPublic().WithName("GetCase");
        cases.MapPost("/", async Task<Created<CaseNoteView>> (CreateCaseNote cmd, CaseNoteCommands c, CancellationToken ct) =>
            {
                var note = await c.CreateAsync(cmd, ct);
                return TypedResults.Created($"/api/v1/knowledge/cases/{note.Id}", note);
            })
            .RequireRoles(Maintainers).WithName("CreateCase").WithSummary("Record a decision or a lesson learned, linked to provisions and terms.");

        k.MapGet("/states/{state}/profile", async (string state, DateOnly? on, string? lang, CriminalisationService s, CancellationToken ct) =>
                TypedResults.Ok(await s.CoverageAsync(state, on, RequestLanguage.Of(lang), ct)))
            .AllowPublic().WithName("GetCriminalisationProfile")
            .WithSummary("Which core and optional conduct a State criminalises, and which procedural powers it provides, with the provisions in force as evidence.");
        k.MapGet("/states/{state}/gaps", async (string state, DateOnly? on, string? lang, CriminalisationService s, CancellationToken ct) =>
                TypedResults.Ok(await s.CoverageAsync(state, on, RequestLanguage.Of(lang), ct)))
            .AllowPublic().WithName("GetGapAnalysis")
            .WithSummary("A State's coverage of the criminalisation and procedural chapters, chapter by chapter, with offences lacking a stated penalty.");

        k.MapGet("/dual-criminality", async (string? terms, string? requesting, string? requested, DateOnly? on, IDualCriminality s, CancellationToken ct) =>
                TypedResults.Ok(await s.CheckAsync(new DualCriminalityQuestion(
                    [.. (terms ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    requesting ?? "", requested ?? "", on), ct)))
            .AllowPublic().WithName("CheckDualCriminality")
            .WithSummary("Is the conduct (taxonomy terms, comma-separated) a crime in both States (Art. 35)? Cites the provisions on each side and says whether both reach the four-year threshold.");

        k.MapGet("/search", (string? q, string? lang, string? state, string? term, string? type, string? language, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, KnowledgeSearch search) =>
            {
                if (language is not null && !Languages.IsSupported(language)) throw DomainException.Invalid("unsupported-language", "language");
                if (type is not null && type is not (KnowledgeIndexer.ProvisionType or KnowledgeIndexer.CaseType or KnowledgeIndexer.DocumentType))
                    throw DomainException.Invalid("invalid-value", "type");
                if (from is { } f && to is { } t && f > t) throw DomainException.Invalid("from-after-to", "from");
                return TypedResults.Ok(search.Search(new SearchRequest(q, RequestLanguage.Of(lang), state, term, type, language, from, to, page ?? 1, pageSize ?? 20)));
            })
            .AllowPublic().WithName("SearchKnowledge")
            .WithSummary("Full-text search over provisions, case law and documents in the six languages, with facets (State, term, type, language, year) and highlighted snippets.");

        k.MapPost("/search/reindex", async (KnowledgeIndexer indexer, CancellationToken ct) => TypedResults.Ok(new { indexed = await indexer.RebuildAsync(ct) }))
            .RequireRoles(Roles.Secretariat).WithName("ReindexKnowledge").WithSummary("Rebuild the search index from the database.");
    }
}
