using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Common;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Network;

[Collection(BrowserCollection.Name)]
public sealed class NetworkBrowserTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task StateAdministrator_UpdatesIts247Point_AndThePublicStillSeesNoPhone()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin.fra@demo.entraide.int");
        await page.GotoAsync("/states/FRA/profile");
        // The French administrator's pages are in French: find things by what they are, not by their words.
        await page.ClickAsync("[data-testid=authority][data-kind=point-of-contact] [data-testid=edit-authority]");
        await page.WaitForURLAsync("**/states/FRA/authorities/edit/**");

        await page.FillAsync("#phones", "+33 1 55 55 02 47\n+33 6 55 55 02 48");
        await page.CheckAsync("#aroundTheClock");
        await page.ClickAsync("form.stack button.primary");
        await page.WaitForURLAsync("**/states/FRA/profile?done=saved");

        var phones = await page.Locator("[data-testid=authority][data-kind=point-of-contact] [data-testid=phones]").TextContentAsync();
        Assert.Contains("+33 1 55 55 02 47", phones);
        Assert.Contains("+33 6 55 55 02 48", phones);

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/states/FRA/profile");
        var html = await visitor.ContentAsync();
        Assert.Contains("Office anti-cybercriminalité", html);
        Assert.DoesNotContain("55 55 02 47", html);
    }

    [BrowserFact]
    public async Task StateAdministrator_MakingThePointPhonePublic_SeesTheErrorAtTheField()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin.gbr@demo.entraide.int");
        await page.GotoAsync("/states/GBR/profile");
        await page.ClickAsync("[data-testid=authority][data-kind=point-of-contact] [data-testid=edit-authority]");
        await page.CheckAsync("#phonesPublic");
        await page.ClickAsync("form.stack button.primary");
        Assert.Equal("true", await page.GetAttributeAsync("#phonesPublic", "aria-invalid"));
        Assert.Equal("phonesPublic-error", await page.GetAttributeAsync("#phonesPublic", "aria-describedby"));
        Assert.Contains("never be public", await page.TextContentAsync("#phonesPublic-error"));
    }

    [BrowserFact]
    public async Task PointOfContact_AcknowledgesTheSecretariatsVerification()
    {
        var secretariat = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(secretariat, "secretariat@demo.entraide.int");
        await secretariat.GotoAsync("/verification/rounds");
        await secretariat.GetByLabel("Time allowed to acknowledge (hours)").FillAsync("4");
        await secretariat.GetByLabel("Message").FillAsync("Quarterly check of the 24/7 network.");
        await secretariat.ClickAsync("form.stack button.primary");
        await secretariat.WaitForURLAsync("**/verification/rounds/*");
        var roundUrl = secretariat.Url;

        var point = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(point, "poc.nga@demo.entraide.int");
        await point.GotoAsync("/verification");
        var row = point.Locator("[data-testid=checks] tbody tr[data-outcome=pending]").First;
        Assert.Contains("Quarterly check of the 24/7 network.", await row.TextContentAsync());
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await point.WaitForSelectorAsync("[data-testid=acknowledged]");
        Assert.Equal(1, await point.Locator("[data-testid=checks] tbody tr[data-outcome=acknowledged]").CountAsync());

        await secretariat.GotoAsync(roundUrl);
        var nigeria = secretariat.Locator("[data-testid=round-checks] tbody tr", new() { HasTextString = "Nigeria" });
        Assert.Equal("acknowledged", await nigeria.GetAttributeAsync("data-outcome"));
        Assert.Contains("(1)", await secretariat.TextContentAsync("[data-testid=within-hour]"));
    }

    [BrowserFact]
    public async Task Public_ReadsTheRegisterInArabic_RightToLeftInArabicOrder()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/register?lang=ar");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("سجل السلطات", (await page.TextContentAsync("h1"))?.Trim());
        var names = (await page.Locator("[data-testid=register] tbody th a").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        Assert.Equal(195, names.Count);
        Assert.Equal(names.Order(Collation.For("ar")).ToList(), names);
        Assert.Contains("مصر", names);
        var egyptRows = page.Locator("[data-testid=register] tbody tr[data-state=EGY]");
        Assert.Contains("وزارة العدل", await egyptRows.First.TextContentAsync());
        // Table cells start on the right in Arabic: the State column sits to the right of the authority column.
        var state = await page.Locator("[data-testid=register] thead th").Nth(0).BoundingBoxAsync();
        var authority = await page.Locator("[data-testid=register] thead th").Nth(1).BoundingBoxAsync();
        Assert.True(state!.X > authority!.X);
    }
}
