using Entraide.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Trust;

[Collection(BrowserCollection.Name)]
public sealed class FoundationBrowserTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task SignIn_WithPasswordAndAuthenticatorCode_ShowsTheAccount()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "ca.fra@demo.entraide.int");
        var who = await page.TextContentAsync("[data-testid=who]");
        Assert.Contains("FRA", who);
    }

    [BrowserFact]
    public async Task SignIn_WithWrongCode_IsRefused()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", "poc.bra@demo.entraide.int");
        await page.FillAsync("input[name=password]", Entraide.App.Trust.DemoAccounts.Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await BrowserFixture.WaitForTwoFactorAsync(page);
        var wrong = BrowserFixture.CurrentCode() == "000000" ? "111111" : "000000";
        await page.FillAsync("input[name=code]", wrong);
        await page.ClickAsync("form.stack button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=sign-in-error]");
        Assert.Equal(0, await page.Locator("[data-testid=who]").CountAsync());
    }

    [BrowserFact]
    public async Task SwitchingToArabic_RendersRightToLeft_AndIsRemembered()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/states");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await page.ClickAsync("form.languages button[value=ar]");
        await page.WaitForSelectorAsync("html[dir=rtl]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        await page.GotoAsync("/");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Contains("الدول", await page.TextContentAsync("nav"));
    }

    [BrowserFact]
    public async Task StatesInFrench_FollowFrenchCollation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/states?lang=fr");
        var names = await page.Locator("[data-testid=states] tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(195, names.Count);
        var egypt = names.ToList().IndexOf("Égypte");
        Assert.True(egypt > names.ToList().IndexOf("Dominique") && egypt < names.ToList().IndexOf("El Salvador"),
            "Égypte sorts among the E's in French");
    }

    [BrowserFact]
    public async Task AnotherStatesEditPage_IsNotFound()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin.fra@demo.entraide.int");
        var own = await page.GotoAsync("/states/FRA/profile/edit");
        Assert.Equal(200, own!.Status);
        var foreign = await page.GotoAsync("/states/BRA/profile/edit");
        Assert.Equal(404, foreign!.Status);
        Assert.True(await page.IsVisibleAsync("[data-testid=error-message]"));
    }

    [BrowserFact]
    public async Task TokenPage_NeedsSignInAndTheAdministratorRole()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/account/tokens");
        Assert.Contains("/account/sign-in", page.Url);
        Assert.NotNull(response);

        await BrowserFixture.SignInAsync(page, "investigator.usa@demo.entraide.int");
        var denied = await page.GotoAsync("/account/tokens");
        Assert.Contains("/error/403", page.Url + (denied?.Status == 403 ? "/error/403" : ""));
    }
}
