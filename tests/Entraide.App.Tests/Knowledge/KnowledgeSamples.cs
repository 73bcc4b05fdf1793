using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Knowledge;

/// <summary>Builds laws through the API, as a State administrator of the law's State.</summary>
internal static class Laws
{
    public static object Provision(string eid, string text, string[] terms, int? max = null, int? min = null) =>
        new { eid, number = "Art. " + eid, text, terms, penaltyMinMonths = min, penaltyMaxMonths = max };

    public static object Version(string language, string date, params object[] provisions) =>
        new { language, date, title = "Version " + date, provisions };

    public static object Law(string state, string title, string language, params object[] versions) =>
        new { state, title, type = WorkTypes.Statute, originalLanguage = language, expressions = versions };

    public static async Task<Guid> CreateAsync(TestApp app, string state, string title, string language, params object[] versions)
    {
        var body = await app.ClientFor(state, Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/knowledge/laws", Law(state, title, language, versions)).ExpectAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A law of <paramref name="state"/> making illegal access a crime with the given maximum.</summary>
    public static Task<Guid> IllegalAccessAsync(TestApp app, string state, int? maxMonths, string language = "en") =>
        CreateAsync(app, state, $"Computer Crimes Act {Guid.NewGuid():N}", language,
            Version(language, "2010-01-01", Provision("s_1", "Unauthorised access to a computer system is an offence.",
                [OffenceTerms.IllegalAccess], maxMonths)));
}

internal sealed class LawIdSample : IRouteSample
{
    public string Parameter => "lawId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state) =>
        (await Laws.IllegalAccessAsync(app, state, 24)).ToString();

    public string? Missing => Guid.NewGuid().ToString();
}

internal sealed class CaseIdSample : IRouteSample
{
    public string Parameter => "caseId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var body = await app.ClientFor(state, Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/cases", new
        {
            state,
            kind = "lesson",
            title = "Sample lesson",
            summary = "Preserve early.",
            language = "en",
            date = "2020-01-01",
            terms = new[] { ProceduralPowers.Preservation },
        }).ExpectAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}
