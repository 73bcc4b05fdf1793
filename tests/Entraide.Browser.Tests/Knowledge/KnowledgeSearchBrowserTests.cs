using Entraide.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Knowledge;

[Collection(BrowserCollection.Name)]
public sealed class KnowledgeSearchBrowserTests(BrowserFixture fixture)
{
    // The first search loads the Chinese segmentation dictionaries; on a loaded machine that outlasts the default 15 s.
    private async Task<IPage> PageAsync(string language)
    {
        var page = await fixture.NewPageAsync(language);
        page.SetDefaultTimeout(60_000);
        return page;
    }

    [BrowserFact]
    public async Task SearchInArabic_FindsTheEgyptianProvision_AndTaggedProvisionsOfOtherLanguages()
    {
        var page = await PageAsync("ar");
        await page.GotoAsync("/knowledge");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.FillAsync("[data-testid=knowledge-q]", "الدخول غير المشروع");
        await page.PressAsync("[data-testid=knowledge-q]", "Enter");
        await page.WaitForSelectorAsync("[data-testid=hit]");
        var states = await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.state)");
        Assert.Contains("EGY", states);
        Assert.Contains("FRA", states); // reached through the taxonomy label, not the French words
        Assert.True(await page.Locator("[data-testid=hit][data-state=EGY] .k-snippet").IsVisibleAsync());
    }

    [BrowserFact]
    public async Task SearchInChinese_SegmentsTheWords_AndFiltersByFacet()
    {
        var page = await PageAsync("zh-CN");
        await page.GotoAsync("/knowledge/search");
        await page.FillAsync("[data-testid=search-q]", "计算机信息系统");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=hit]");
        Assert.True(await page.Locator("[data-testid=hit][data-state=CHN][data-lang=zh]").CountAsync() > 0);
        Assert.True(await page.Locator("[data-testid=hit][data-state=CHN] mark").CountAsync() > 0);

        await page.ClickAsync("[data-testid=facet-state] a:has-text('中国')");
        await page.WaitForURLAsync("**state=CHN**");
        var states = await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.state)");
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("CHN", s));
    }

    [BrowserFact]
    public async Task DualCriminalityCheck_ShowsTheAnswerBesideTheCitations()
    {
        var page = await PageAsync("en-GB");
        await page.GotoAsync("/knowledge/dual-criminality");
        await page.SelectOptionAsync("#requesting", "USA");
        await page.SelectOptionAsync("#requested", "ZAF");
        await page.CheckAsync("input[name=terms][value=ransomware-extortion]");
        await page.ClickAsync("form.stack button[type=submit]");
        var answer = page.Locator("[data-testid=dual-answer]");
        await answer.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal("CriminalInBoth", await answer.GetAttributeAsync("data-outcome"));
        Assert.Contains("§ 1030(a)(7)", await answer.TextContentAsync());
    }

    [BrowserFact]
    public async Task DualCriminalityCheck_ConductsWithNoProvision_NeverGiveAGreenHeadline()
    {
        // Issue 15: FRA → CHN, two conducts criminal in both, two with no provision recorded.
        var page = await PageAsync("en-GB");
        await page.GotoAsync("/knowledge/dual-criminality");
        await page.SelectOptionAsync("#requesting", "FRA");
        await page.SelectOptionAsync("#requested", "CHN");
        foreach (var term in new[] { "illegal-access", "data-interference", "grooming", "intimate-images" })
            await page.CheckAsync($"input[name=terms][value={term}]");
        await page.ClickAsync("form.stack button[type=submit]");
        var answer = page.Locator("[data-testid=dual-answer]");
        await answer.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal("Unknown", await answer.GetAttributeAsync("data-outcome"));
        var headline = (await page.TextContentAsync("[data-testid=dual-headline]"))!;
        Assert.DoesNotContain("serious crime on both sides", headline, StringComparison.Ordinal);
        Assert.Contains("2 of 4 conducts", headline, StringComparison.Ordinal);
        Assert.False(await page.Locator("[data-testid=dual-headline].ok").IsVisibleAsync());
        Assert.Equal("CriminalInBoth", await page.GetAttributeAsync("tr[data-term=illegal-access]", "data-outcome"));
        Assert.Contains("Unknown — no provision recorded", await page.TextContentAsync("tr[data-term=grooming]"), StringComparison.Ordinal);
        Assert.DoesNotContain("neither", await answer.TextContentAsync(), StringComparison.OrdinalIgnoreCase);

        // Two conducts criminal in both: the headline is green and the penalty line names the provision.
        await page.GotoAsync("/knowledge/dual-criminality?requesting=FRA&requested=CHN&terms=illegal-access&terms=data-interference");
        Assert.Equal("CriminalInBoth", await page.GetAttributeAsync("[data-testid=dual-answer]", "data-outcome"));
        Assert.Contains("323-3", await page.TextContentAsync("[data-testid=penalty-requesting]"), StringComparison.Ordinal);
    }
}
