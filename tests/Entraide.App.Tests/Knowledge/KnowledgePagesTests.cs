using System.Globalization;
using System.Net;
using System.Resources;
using AngleSharp.Html.Parser;
using Entraide.App.Knowledge;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.App.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class KnowledgePagesTests(AppFixture fixture)
{
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(html);
    }

    private static HttpClient InLanguage(TestApp app, string lang)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
        return client;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Repository_ListsTheDemoLaws_MarkedAsExamples(Db db)
    {
        var page = await PageAsync(fixture.App(db).Anonymous(), "/knowledge?state=FRA");
        var rows = page.QuerySelectorAll("[data-testid=laws] tbody tr");
        Assert.Contains(rows, r => r.TextContent.Contains("Code pénal (extraits)",
            StringComparison.Ordinal) && r.QuerySelector(".badge.warn") is not null);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task LawPage_ReadOnAnEarlierDate_ShowsTheEarlierVersion(Db db)
    {
        var app = fixture.App(db);
        var laws = await app.Anonymous().GetAsync("/api/v1/knowledge/laws?state=FRA").ExpectAsync(HttpStatusCode.OK);
        var code = laws.EnumerateArray().First(l => l.GetProperty("title").GetString() == "Code pénal (extraits)").GetProperty("id").GetGuid();
        var now = await PageAsync(app.Anonymous(), $"/knowledge/laws/{code}");
        var then = await PageAsync(app.Anonymous(), $"/knowledge/laws/{code}?on=2010-01-01");
        Assert.Contains("trois ans", now.QuerySelector("#art_323-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("deux ans", then.QuerySelector("#art_323-1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(then.QuerySelector("#art_323-3"));
        Assert.Equal(2, now.QuerySelectorAll("[data-testid=versions] tbody tr").Length);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SearchPage_InArabic_IsRightToLeft_WithHighlightsAndFacets(Db db)
    {
        // The seeded repository alone: laws other tests add to the shared one would change the first page of hits.
        await using var app = new TestApp(db);
        _ = app.Server;
        var page = await PageAsync(
            InLanguage(app, "ar"),
            "/knowledge/search?q=" + Uri.EscapeDataString("الدخول غير المشروع"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        var hits = page.QuerySelectorAll("[data-testid=hit]");
        Assert.Contains(hits, h => h.GetAttribute("data-state") == "EGY");
        Assert.NotNull(page.QuerySelector(".k-snippet mark"));
        Assert.NotNull(page.QuerySelector("[data-testid=facet-state] a"));

        // The Arabic label of illegal access also reaches provisions in other languages (filtered to China's, so that
        // laws other tests add to the shared repository cannot push them off the first page).
        var chinese = await PageAsync(
            InLanguage(app, "ar"),
            "/knowledge/search?q=" + Uri.EscapeDataString("الدخول غير المشروع") + "&state=CHN");
        Assert.Contains(chinese.QuerySelectorAll("[data-testid=hit]"), h => h.GetAttribute("data-lang") == "zh");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SearchPage_InChinese_FindsTheChineseProvision(Db db)
    {
        var page = await PageAsync(
            InLanguage(fixture.App(db), "zh"),
            "/knowledge/search?q=" + Uri.EscapeDataString("计算机信息系统") + "&state=CHN");
        Assert.Contains(page.QuerySelectorAll("[data-testid=hit]"), h => h.GetAttribute("data-lang") == "zh");
        Assert.Contains("非法访问", page.QuerySelector("select[name=term]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SearchPage_DatesInTheWrongOrder_ShowsTheError(Db db)
    {
        var page = await PageAsync(InLanguage(fixture.App(db), "fr"), "/knowledge/search?q=x&from=2020-01-01&to=2010-01-01");
        Assert.Contains(
            "La date de début est postérieure à la date de fin.",
            page.QuerySelector(".errors")!.TextContent,
            StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DualCriminalityPage_ShowsTheAnswerWithCitations(Db db)
    {
        var page = await PageAsync(InLanguage(fixture.App(db), "fr"),
            "/knowledge/dual-criminality?requesting=FRA&requested=GBR&terms=illegal-access");
        var answer = page.QuerySelector("[data-testid=dual-answer]")!;
        Assert.Equal("CriminalInBoth", answer.GetAttribute("data-outcome"));
        Assert.Contains("Infraction dans les deux États", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Article 323-1", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Section 1", answer.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DualCriminalityPage_MissingState_TiesTheErrorToTheField(Db db)
    {
        var page = await PageAsync(fixture.App(db).Anonymous(), "/knowledge/dual-criminality?requesting=FRA&terms=illegal-access");
        Assert.Equal("true", page.QuerySelector("#requested")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("#requested-error"));
        Assert.Null(page.QuerySelector("[data-testid=dual-answer]"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GapPage_ScoresEachChapter(Db db)
    {
        var page = await PageAsync(InLanguage(fixture.App(db), "en"), "/knowledge/states/EGY/gaps");
        Assert.Contains("of 12 covered", page.QuerySelector("[data-testid=score-core]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("covered", page.QuerySelector("[data-testid=chapter-core] tr[data-term=illegal-access]")!.GetAttribute("data-coverage"));
        var grooming = page.QuerySelector("[data-testid=chapter-core] tr[data-term=grooming]")!;
        Assert.Equal("no-provision-recorded", grooming.GetAttribute("data-coverage"));
        Assert.Contains("Unknown — no provision recorded", grooming.TextContent, StringComparison.Ordinal);
        // Every criminalisation article of the Convention is listed: Arts 7–17 and 26.
        var articles = page.QuerySelectorAll("[data-testid=chapter-core] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([.. Enumerable.Range(7, 11).Select(a => $"Art. {a}"), "Art. 26"], articles);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ProfilePage_StateWithoutLaws_SaysUnknownNotInnocent(Db db)
    {
        var page = await PageAsync(InLanguage(fixture.App(db), "en"), "/knowledge/states/TUV");
        Assert.Equal("unknown", page.QuerySelector("[data-testid=chapter-core] tr[data-term=illegal-access]")!.GetAttribute("data-coverage"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task OtherPages_Render(Db db)
    {
        var client = fixture.App(db).Anonymous();
        await PageAsync(client, "/knowledge/taxonomy");
        await PageAsync(client, "/knowledge/cases");
        var search = await PageAsync(client, "/knowledge/search?type=document&q=" + Uri.EscapeDataString("cybercriminalité"));
        var link = search.QuerySelector("[data-testid=hit] h3 a")!.GetAttribute("href")!;
        await PageAsync(client, link);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/knowledge/laws/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public void Texts_EveryKeyIsTranslatedIntoTheSixLanguages()
    {
        var manager = new ResourceManager(typeof(KnowledgeText));
        var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, true,
            false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.NotEmpty(neutral);
        foreach (var lang in Languages.All.Where(l => l != Languages.English))
        {
            var set = manager.GetResourceSet(CultureInfo.GetCultureInfo(lang), true, false);
            Assert.NotNull(set);
            var keys = set.Cast<System.Collections.DictionaryEntry>()
                .Where(e => !string.IsNullOrWhiteSpace((string?)e.Value))
                .Select(e => (string)e.Key)
                .ToHashSet();
            var missing = neutral.Where(k => !keys.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{lang} lacks: {string.Join(", ", missing)}");
        }
        foreach (var kind in new[] { "core", "optional", "procedural" }) Assert.Contains("kind." + kind, neutral);
        foreach (var outcome in Enum.GetNames<DualCriminalityOutcome>()) Assert.Contains("outcome." + outcome, neutral);
        foreach (var type in WorkTypes.All) Assert.Contains("type." + type, neutral);
    }
}
