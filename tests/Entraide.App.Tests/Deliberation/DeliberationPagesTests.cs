using System.Net;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Deliberation;

/// <summary>The pages render in the six languages, right-to-left in Arabic, and hide what the caller may not see.</summary>
[Collection(AppCollection.Name)]
public sealed class DeliberationPagesTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task PublicPages_RenderInEveryLanguage_WithTheVoteReportInThatLanguage(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var v = await app.Secretariat().PostJsonAsync("/api/v1/votes",
            new { draftSymbol = DeliberationCalls.NewSymbol() + "/Rev.1", body = "C.3" })
            .ExpectAsync(HttpStatusCode.Created);
        var id = v.GetProperty("id").GetString();
        await app.Secretariat().PutAsync($"/api/v1/votes/{id}/ballots",
            new StringContent(
                "{\"ballots\":{\"FRA\":\"yes\",\"EGY\":\"yes\",\"CHN\":\"no\"},\"version\":0}", System.Text.Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.OK);
        await app.Anonymous().GetAsync($"/votes/{id}").ContinueWith(t => Assert.Equal(HttpStatusCode.NotFound, t.Result.StatusCode));
        await app.Secretariat().PostJsonAsync($"/api/v1/votes/{id}/close", new { version = 1 }).ExpectAsync(HttpStatusCode.OK);

        var parser = new HtmlParser();
        foreach (var lang in new[] { "ar", "zh", "en", "fr", "ru", "es" })
        {
            foreach (var path in new[] { "/deliberation", "/resolutions", "/votes", $"/votes/{id}" })
            {
                var response = await app.Anonymous().GetAsync($"{path}?lang={lang}");
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} in {lang}: {(int)response.StatusCode}");
                var doc = parser.ParseDocument(html);
                Assert.Equal(lang, doc.DocumentElement.GetAttribute("lang"));
                Assert.Equal(lang == "ar" ? "rtl" : "ltr", doc.DocumentElement.GetAttribute("dir"));
            }
        }
        var fr = parser.ParseDocument(await (await app.Anonymous().GetAsync($"/votes/{id}?report=fr")).Content.ReadAsStringAsync());
        Assert.Contains("a adopté le projet de résolution", fr.QuerySelector("[data-testid=outcome]")!.TextContent);
        Assert.Contains("Égypte, France.", fr.QuerySelector("[data-testid=vote-report]")!.TextContent);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WorkingPages_RenderForTheirUsers_AndAnotherStatesDraftIsNotFound(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var c = await DeliberationCalls.OpenConsultationAsync(app.Secretariat(), app.Clock.GetUtcNow().AddDays(3), "FRA");
        var d = await DeliberationCalls.CreateDraftAsync(app.Delegate("FRA"));
        var fra = app.Delegate("FRA");
        var paths = new[]
        {
            "/consultations", $"/consultations/{c.GetProperty("id").GetString()}", "/drafts", $"/drafts/{d.GetProperty("id").GetString()}",
        };
        foreach (var path in paths)
        {
            var r = await fra.GetAsync(path + "?lang=ar");
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path}: {(int)r.StatusCode}");
        }
        var secretariat = app.Secretariat();
        var compilation = await secretariat.GetAsync($"/consultations/{c.GetProperty("id").GetString()}/compilation?document=zh");
        Assert.Equal(HttpStatusCode.OK, compilation.StatusCode);
        // The document is in Chinese; the interface around it stays in the user's language.
        var html = await compilation.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<article lang=\"zh\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Delegate("BRA").GetAsync($"/drafts/{d.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Delegate("BRA").GetAsync($"/consultations/{c.GetProperty("id").GetString()}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task VoteForm_RefusedInFrench_ShowsTheErrorSummaryNamingAndLinkingEachField(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var secretariat = app.Secretariat("fr");
        var form = await secretariat.GetStringAsync("/votes?lang=fr");
        var response = await secretariat.PostAsync("/votes?lang=fr", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DraftId"] = "",
            ["DraftSymbol"] = "",
            ["Method"] = "recorded",
            ["Majority"] = "simple",
            ["__RequestVerificationToken"] = SessionCookies.FormToken(form),
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 1500)]);
        var page = new HtmlParser().ParseDocument(html);
        var items = page.QuerySelectorAll("[data-testid=errors] li[data-field]").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, li =>
        {
            var field = li.GetAttribute("data-field")!;
            Assert.Equal("#err-" + field, li.QuerySelector("a")!.GetAttribute("href"));
            Assert.NotNull(page.GetElementById("err-" + field));
        });
    }
}
