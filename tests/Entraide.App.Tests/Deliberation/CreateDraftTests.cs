using System.Net;
using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Deliberation;

/// <summary>A delegate starts a draft for its own State only: naming another State as main sponsor would hand it the pen.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateDraftTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Create_ByADelegateNamingAnotherState_IsRefused_AndThatStateGainsNothing(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var fra = app.Delegate("FRA");
        var title = "Spoofed " + Guid.NewGuid().ToString("N")[..12];
        foreach (var sponsors in new[] { new[] { "FRA", "BRA" }, ["bra"], [" BRA "], [null!] })
        {
            var problem = await fra.PostJsonAsync("/api/v1/drafts",
                new { title, language = "en", paragraphs = DeliberationCalls.L11, mainSponsors = sponsors })
                .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "own-state-only");
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "mainSponsors");
        }
        foreach (var client in new[] { app.Delegate("BRA"), app.Secretariat() })
        {
            var drafts = await client.GetAsync("/api/v1/drafts").ExpectAsync(HttpStatusCode.OK);
            Assert.DoesNotContain(drafts.EnumerateArray(), d => d.GetProperty("title").GetString() == title);
        }

        var own = await fra.PostJsonAsync("/api/v1/drafts",
            new { title, language = "en", paragraphs = DeliberationCalls.L11, mainSponsors = new[] { "fra" } })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(["FRA"], own.GetProperty("mainSponsors").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        var id = own.GetProperty("id").GetString();
        await app.Delegate("BRA").PostJsonAsync($"/api/v1/drafts/{id}/revisions", new { paragraphs = DeliberationCalls.L11, version = 0 })
            .ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_BySecretariat_NamesTheMainSponsors_WhoThenEditIt(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var d = await app.Secretariat().PostJsonAsync("/api/v1/drafts", new
        {
            title = "Entered for its sponsors",
            language = "en",
            paragraphs = DeliberationCalls.L11,
            mainSponsors = new[] { "MEX", "BRA" },
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(["BRA", "MEX"], d.GetProperty("mainSponsors").EnumerateArray().Select(s => s.GetProperty("state").GetString()).Order());
        await app.Delegate("BRA").PostJsonAsync($"/api/v1/drafts/{d.GetProperty("id").GetString()}/revisions",
            new { paragraphs = DeliberationCalls.L11, version = 0 }).ExpectAsync(HttpStatusCode.OK);
    }
}
