using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class CaseNotesTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task CreateCase_LinkedToAProvision_IsListedWithIt(Db db)
    {
        var app = fixture.App(db);
        var lawId = await Laws.IllegalAccessAsync(app, "DNK", 18);
        var law = await app.Anonymous().GetAsync($"/api/v1/knowledge/laws/{lawId}").ExpectAsync(HttpStatusCode.OK);
        var provisionId = law.GetProperty("provisions")[0].GetProperty("id").GetGuid();
        await app.ClientFor("DNK", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/cases", new
        {
            state = "DNK",
            kind = "decision",
            title = "Supreme Court, U 2019.123",
            summary = "Access with a guessed password is unauthorised.",
            language = "en",
            date = "2019-03-01",
            provisions = new[] { provisionId },
        }).ExpectAsync(HttpStatusCode.Created);
        var list = await app.Anonymous().GetAsync($"/api/v1/knowledge/cases?provision={provisionId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Supreme Court, U 2019.123", Assert.Single(list.EnumerateArray()).GetProperty("title").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateCase_LinkedToNothing_OrInTheFuture_IsRefused(Db db)
    {
        var problem = await fixture.App(db).ClientFor("DNK", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/cases", new
        {
            state = "DNK",
            kind = "lesson",
            title = "Lesson",
            summary = "Text",
            language = "en",
            date = "2999-01-01",
        }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("case-unlinked", codes);
        Assert.Contains("future-date", codes);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GetCase_IsPublic(Db db)
    {
        var app = fixture.App(db);
        var id = await new CaseIdSample().CreateOwnedByAsync(app, "SWE");
        var body = await app.Anonymous().GetAsync($"/api/v1/knowledge/cases/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ProceduralPowers.Preservation, body.GetProperty("terms")[0].GetString());
    }
}
