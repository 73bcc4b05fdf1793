using System.Net;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Deliberation;

/// <summary>
/// The texts a draft's main sponsors work on before it is issued stay with them and the secretariat:
/// every route that takes a revision number (the API, the public routes, the pages) answers 404 to
/// anyone else for those revisions, and no listing shows them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkingRevisionTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task WorkingRevisions_OfAnIssuedDraft_AreReadOnlyByItsMainSponsorsAndTheSecretariat(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var marker = "Working" + Guid.NewGuid().ToString("N")[..12];
        var (id, symbol) = await IssuedWithAWorkingTextAsync(app, marker);

        // BRA co-sponsors the issued text; MEX is any other State; both see only what the public sees.
        await app.Delegate("BRA").PostJsonAsync($"/api/v1/drafts/{id}/sponsors", new { }).ExpectAsync(HttpStatusCode.OK);
        foreach (var other in new[] { app.Delegate("BRA"), app.Delegate("MEX") })
        {
            foreach (var url in new[]
            {
                $"/api/v1/drafts/{id}?revision=0", $"/api/v1/drafts/{id}/diff?from=0", $"/api/v1/drafts/{id}/diff?to=0",
                $"/api/v1/drafts/{id}/diff?from=0&to=2", $"/api/v1/drafts/{id}/diff?from=1&to=0", $"/api/v1/drafts/{id}/akn?revision=0",
                $"/api/v1/drafts/{id}?revision=-1", $"/drafts/{id}?revision=0", $"/drafts/{id}/diff?from=0", $"/drafts/{id}/diff?to=0",
                $"/drafts/{id}?handler=akn&revision=0",
            })
            {
                var response = await other.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
                Assert.DoesNotContain(marker, await response.Content.ReadAsStringAsync());
            }
            var draft = await other.GetAsync($"/api/v1/drafts/{id}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal([1, 2], draft.GetProperty("revisions").EnumerateArray().Select(r => r.GetInt32()));
            var diff = await other.GetAsync($"/api/v1/drafts/{id}/diff").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(1, diff.GetProperty("from").GetInt32());
            Assert.Equal(symbol, diff.GetProperty("fromSymbol").GetString());
            var listed = (await other.GetAsync("/api/v1/drafts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
                .Single(d => d.GetProperty("id").GetString() == id);
            Assert.Equal([1, 2], listed.GetProperty("revisions").EnumerateArray().Select(r => r.GetInt32()));
            foreach (var page in new[] { $"/drafts/{id}", $"/drafts/{id}/diff", "/drafts" })
            {
                var html = await other.GetAsync(page);
                Assert.Equal(HttpStatusCode.OK, html.StatusCode);
                Assert.DoesNotContain(marker, await html.Content.ReadAsStringAsync());
            }
        }

        var anonymous = app.Anonymous();
        foreach (var url in new[]
        {
            $"/api/v1/resolutions/{id}?revision=0", $"/api/v1/resolutions/{id}/diff?from=0", $"/api/v1/resolutions/{id}/diff?to=0",
            $"/api/v1/resolutions/{id}/akn?revision=0", $"/resolutions/{id}?revision=0",
        })
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        var published = await anonymous.GetAsync($"/api/v1/resolutions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([1, 2], published.GetProperty("revisions").EnumerateArray().Select(r => r.GetInt32()));

        foreach (var reader in new[] { app.Delegate("FRA"), app.Secretariat() })
        {
            var working = await reader.GetAsync($"/api/v1/drafts/{id}?revision=0").ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(marker, working.GetRawText());
            Assert.Equal([0, 1, 2], working.GetProperty("revisions").EnumerateArray().Select(r => r.GetInt32()));
            await reader.GetAsync($"/api/v1/drafts/{id}/diff?from=0&to=1").ExpectAsync(HttpStatusCode.OK);
            var akn = await reader.GetAsync($"/api/v1/drafts/{id}/akn?revision=0");
            Assert.Equal(HttpStatusCode.OK, akn.StatusCode);
            Assert.Contains(marker, await akn.Content.ReadAsStringAsync());
            var page = await reader.GetAsync($"/drafts/{id}?revision=0");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(marker, await page.Content.ReadAsStringAsync());
        }
    }

    /// <summary>FRA prepares revision 0 (holding <paramref name="marker"/>) and 1; the secretariat issues 1; FRA revises to 2 (Rev.1).</summary>
    private static async Task<(string Id, string Symbol)> IssuedWithAWorkingTextAsync(ClockedApp app, string marker)
    {
        var fra = app.Delegate("FRA");
        var d = await fra.PostJsonAsync("/api/v1/drafts", new
        {
            title = "Technical assistance",
            language = "en",
            paragraphs = DeliberationCalls.Paragraphs(("preambular", "Recalling its resolution 65/230,"), ("operative", "1. " + marker + ";")),
        }).ExpectAsync(HttpStatusCode.Created);
        var id = d.GetProperty("id").GetString()!;
        var r1 = await fra.PostJsonAsync($"/api/v1/drafts/{id}/revisions", new { paragraphs = DeliberationCalls.L11, version = Version(d) })
            .ExpectAsync(HttpStatusCode.OK);
        var symbol = DeliberationCalls.NewSymbol();
        var issued = await app.Secretariat().PostJsonAsync($"/api/v1/drafts/{id}/issue", new { symbol, version = Version(r1) })
            .ExpectAsync(HttpStatusCode.OK);
        await fra.PostJsonAsync($"/api/v1/drafts/{id}/revisions", new
        {
            paragraphs = DeliberationCalls.Paragraphs(("preambular", "Recalling its resolution 65/230,"), ("operative", "1. Requests the Office;")),
            version = Version(issued),
        }).ExpectAsync(HttpStatusCode.OK);
        return (id, symbol);
    }

    private static int Version(JsonElement draft) => draft.GetProperty("version").GetInt32();
}
