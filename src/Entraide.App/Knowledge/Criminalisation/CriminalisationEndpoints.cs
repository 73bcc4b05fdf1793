using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Knowledge.Criminalisation;

public sealed record TermView(string Code, string Kind, string? Article, string? BudapestArticle, string Label,
    IReadOnlyDictionary<string, string> Labels, string Since);

public sealed record TaxonomyView(string Version, IReadOnlyList<TermView> Terms);

/// <summary>The taxonomy of conduct, States' criminalisation profiles and gap analyses, and the dual-criminality check.</summary>
internal static class CriminalisationEndpoints
{
    public static TaxonomyView Taxonomy(string language) => new(OffenceTaxonomy.Current.Version,
        [.. OffenceTaxonomy.Current.Terms.Select(t => new TermView(t.Code, CriminalisationService.KindName(t.Kind), t.Article, t.BudapestArticle,
            t.Label(language), t.Labels, t.Since))]);

    public static void Map(IEndpointRouteBuilder api)
    {
        var k = api.MapGroup("/knowledge").WithTags("Knowledge");
        k.MapGet("/taxonomy", GetTaxonomy)
            .AllowPublic().WithName("GetTaxonomy")
            .WithSummary("The versioned taxonomy of conduct: core offences (Arts 7–17), optional categories (A/AC.291/4) and procedural powers, "
                + "labelled in six languages.");
        k.MapGet("/states/{state}/profile", CoverageAsync)
            .AllowPublic().WithName("GetCriminalisationProfile")
            .WithSummary("Which core and optional conduct a State criminalises, and which procedural powers it provides, with the provisions in "
                + "force as evidence.");
        k.MapGet("/states/{state}/gaps", CoverageAsync)
            .AllowPublic().WithName("GetGapAnalysis")
            .WithSummary("A State's coverage of the criminalisation and procedural chapters, chapter by chapter, with offences lacking a stated " +
                "penalty.");
        k.MapGet("/dual-criminality", CheckAsync)
            .AllowPublic().WithName("CheckDualCriminality")
            .WithSummary("Is the conduct (taxonomy terms, comma-separated) a crime in both States (Art. 35)? Cites the provisions on each side and "
                + "says whether both reach the four-year threshold.");
    }

    private static Ok<TaxonomyView> GetTaxonomy(string? lang) => TypedResults.Ok(Taxonomy(RequestLanguage.Of(lang)));

    private static async Task<Ok<CoverageView>> CoverageAsync(string state, DateOnly? on, string? lang, CriminalisationService s,
        CancellationToken ct) => TypedResults.Ok(await s.CoverageAsync(state, on, RequestLanguage.Of(lang), ct));

    private static async Task<Ok<DualCriminalityAnswer>> CheckAsync(string? terms, string? requesting, string? requested, DateOnly? on,
        IDualCriminality s, CancellationToken ct) =>
        TypedResults.Ok(await s.CheckAsync(new DualCriminalityQuestion(
            [.. (terms ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            requesting ?? "", requested ?? "", on), ct));
}
