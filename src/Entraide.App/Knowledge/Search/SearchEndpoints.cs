using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Knowledge.Search;

public sealed record ReindexResult(int Indexed);

/// <summary>Full-text search over the repository, and its rebuild.</summary>
internal static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var k = api.MapGroup("/knowledge/search").WithTags("Knowledge");
        k.MapGet("/", Search)
            .AllowPublic().WithName("SearchKnowledge")
            .WithSummary("Full-text search over provisions, case law and documents in the six languages, with facets (State, term, type, "
                + "language, year) and highlighted snippets.");
        k.MapPost("/reindex", ReindexAsync)
            .RequireRoles(Roles.Secretariat).WithName("ReindexKnowledge").WithSummary("Rebuild the search index from the database.");
    }

    private static Ok<SearchResult> Search(string? q, string? lang, string? state, string? term, string? type, string? language,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, KnowledgeSearch search)
    {
        if (language is not null && !Languages.IsSupported(language)) throw DomainException.Invalid("unsupported-language", "language");
        if (type is not null && type is not (KnowledgeIndexer.ProvisionType or KnowledgeIndexer.CaseType or KnowledgeIndexer.DocumentType))
            throw DomainException.Invalid("invalid-value", "type");
        if (from is { } f && to is { } t && f > t) throw DomainException.Invalid("from-after-to", "from");
        return TypedResults.Ok(search.Search(new SearchRequest(q, RequestLanguage.Of(lang), state, term, type, language, from, to,
            page ?? 1, pageSize ?? 20)));
    }

    private static async Task<Ok<ReindexResult>> ReindexAsync(KnowledgeIndexer indexer, CancellationToken ct) =>
        TypedResults.Ok(new ReindexResult(await indexer.RebuildAsync(ct)));
}
