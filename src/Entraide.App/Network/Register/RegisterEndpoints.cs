using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Network.Register;

/// <summary>The public register of authorities and 24/7 points of contact, as JSON and as CSV.</summary>
internal static class RegisterEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var register = api.MapGroup("/register").WithTags("Network");
        register.MapGet("/", GetAsync)
            .AllowPublic().WithName("GetRegister")
            .WithSummary("The register of authorities and 24/7 points of contact (Art. 41), States in the language's order, "
                + "filterable by region, kind, language, 24/7 and name.");

        register.MapGet("/csv", CsvAsync)
            .AllowPublic().WithName("ExportRegisterCsv")
            .WithSummary("The register as CSV (UTF-8), column headings and State names in the language asked, streamed.");
    }

    private static async Task<Ok<RegisterView>> GetAsync(string? region, string? kind, string? language, bool? aroundTheClock, string? q,
        string? lang, RegisterQueries query, CancellationToken ct) =>
        TypedResults.Ok(await query.RunAsync(Filter(region, kind, language, aroundTheClock, q), RequestLanguage.Of(lang), ct));

    private static async Task<PushStreamHttpResult> CsvAsync(string? region, string? kind, string? language, bool? aroundTheClock, string? q,
        string? lang, RegisterQueries query, IStringLocalizer<NetworkText> text, CancellationToken ct)
    {
        var l = RequestLanguage.Of(lang);
        var view = await query.RunAsync(Filter(region, kind, language, aroundTheClock, q), l, ct);
        // Headings are looked up now, in the request's language, before the body starts streaming.
        var headings = RegisterCsv.Columns.ToDictionary(c => c, c => text["csv." + c].Value);
        return TypedResults.Stream(body => RegisterCsv.WriteAsync(view, c => headings[c], body, ct),
            "text/csv; charset=utf-8", $"register-{l}-{view.GeneratedAt:yyyy-MM-dd}.csv");
    }

    private static RegisterFilter Filter(string? region, string? kind, string? language, bool? aroundTheClock, string? q) =>
        new(Blank(region), Blank(kind), Blank(language), aroundTheClock, Blank(q));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
