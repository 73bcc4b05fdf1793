using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.Browser.Tests.Notifications;

[Collection(BrowserCollection.Name)]
public sealed class NotificationsBrowserTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Inbox_UnreadNotification_IsMarkedReadByItsButton()
    {
        var subject = Guid.CreateVersion7();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<INotifications>().Enqueue(new Notification("JPN", [Roles.StateAdministrator],
                NotificationKinds.VerificationRequested, "/states", subject, false, ["Japan", "National Police Agency"]));
            await scope.ServiceProvider.GetRequiredService<EntraideDbContext>().SaveChangesAsync();
        }
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin.jpn@demo.entraide.int");
        await page.ClickAsync("nav a[href='/notifications']");
        var item = page.Locator("[data-testid=notification]", new() { HasText = "National Police Agency" });
        Assert.Contains("unread", await item.GetAttributeAsync("class"));

        await item.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=notification].read");
        var after = page.Locator("[data-testid=notification]", new() { HasText = "National Police Agency" });
        Assert.Contains(" read", " " + await after.GetAttributeAsync("class"));
    }

    [BrowserFact]
    public async Task Webhooks_AdministratorCreatesOne_SeesTheSecretOnce()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin.aus@demo.entraide.int");
        await page.GotoAsync("/account/webhooks");
        await page.GetByLabel("Address (URL)").FillAsync("https://cms.example.gov.au/entraide");
        await page.CheckAsync($"input[name=Events][value='{NotificationKinds.RequestReceived}']");
        await page.CheckAsync($"input[name=Events][value='{NotificationKinds.EmergencyEscalated}']");
        await page.ClickAsync("text=Create webhook");

        var secret = await page.TextContentAsync("[data-testid=new-secret]");
        Assert.StartsWith("whsec_", secret);
        Assert.Contains("https://cms.example.gov.au/entraide", await page.TextContentAsync("[data-testid=webhooks]"));

        await page.GotoAsync("/account/webhooks");
        Assert.Equal(0, await page.Locator("[data-testid=new-secret]").CountAsync());
    }

    [BrowserFact]
    public async Task Webhooks_PageIsForAdministratorsOnly()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "ca.aus@demo.entraide.int");
        var response = await page.GotoAsync("/account/webhooks");
        Assert.True(page.Url.Contains("/error/403", StringComparison.Ordinal) || response?.Status == 403, page.Url);
    }
}
