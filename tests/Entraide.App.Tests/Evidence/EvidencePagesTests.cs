using System.Net;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using static Entraide.App.Tests.Evidence.EvidenceTestData;

namespace Entraide.App.Tests.Evidence;

/// <summary>The request page lists the request's evidence; the item page shows its chain of custody; both in the reader's language.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidencePagesTests(AppFixture fixture)
{
    private static readonly string[] Ca = [Roles.CentralAuthority];

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpResponseMessage r)
    {
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {html}");
        return new HtmlParser().ParseDocument(html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPage_ListsTheEvidence_WithItsHashStatusAndCustodyLink(Db db)
    {
        var app = fixture.App(db);
        var (request, item, content) = await SealedAsync(app);
        var doc = await PageAsync(await app.ClientFor("FRA", Ca).GetAsync($"/requests/{request}?lang=fr"));
        var row = Assert.Single(doc.QuerySelectorAll("[data-testid=evidence-item]"));
        Assert.Contains("mailbox.pst", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Sha256(content), row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Scellé", row.QuerySelector("[data-testid=evidence-status]")!.TextContent.Trim());
        Assert.Equal($"/evidence/{item}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Preuves", doc.QuerySelector("#evidence-title")!.TextContent.Trim());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ItemPage_ShowsTheChainOfCustody_InTheReadersLanguage(Db db)
    {
        var app = fixture.App(db);
        var (_, item, content) = await SealedAsync(app);
        await app.ClientFor("FRA", Ca).PostAsync($"/api/v1/evidence/{item}/verify", null);
        var doc = await PageAsync(await app.ClientFor("FRA", Ca).GetAsync($"/evidence/{item}?lang=zh"));
        Assert.Equal(Sha256(content), doc.QuerySelector("[data-testid=evidence-sha256]")!.TextContent.Trim());
        var kinds = doc.QuerySelectorAll("[data-testid=custody-event]").Select(e => e.GetAttribute("data-kind")).ToList();
        Assert.Equal(["upload-started", "uploaded", "sealed", "verified"], kinds);
        Assert.Contains("已验证", doc.QuerySelectorAll("[data-testid=custody-event]").Last().TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor("DEU", Ca).GetAsync($"/evidence/{item}")).StatusCode);
    }
}
