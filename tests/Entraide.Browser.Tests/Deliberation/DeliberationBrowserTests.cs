using Entraide.App.Infrastructure.Persistence;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Deliberation;

[Collection(BrowserCollection.Name)]
public sealed class DeliberationBrowserTests(BrowserFixture fixture)
{
    /// <summary>
    /// The server runs on the real clock, so the consultation whose deadline has passed is written
    /// straight to the database (the API refuses to open one in the past, rightly).
    /// </summary>
    private async Task<Guid> ConsultationAsync(string title, DateTimeOffset opened, DateTimeOffset deadline)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        // Opened at its real opening instant, so the deadline is checked against that instant.
        var c = Consultation.Open(new ConsultationInvitation(title, "Scope, objectives and structure of the new convention?",
                "The Chair invites Member States to submit their comments.", null, "en", null, deadline, ["FRA"]),
            StateDirectory.Default, new Actor("secretariat", "UNODC secretariat", null, new HashSet<string> { Roles.Secretariat }), opened);
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    [BrowserFact]
    public async Task Delegate_SubmitsCommentsBeforeTheDeadline_AndIsRefusedAfterIt()
    {
        var now = DateTimeOffset.UtcNow;
        var open = await ConsultationAsync("Open consultation " + Guid.NewGuid().ToString("N")[..6], now.AddDays(-1), now.AddDays(7));
        var closed = await ConsultationAsync("Closed consultation " + Guid.NewGuid().ToString("N")[..6], now.AddDays(-30), now.AddHours(-1));
        var page = await fixture.NewPageAsync("fr-FR");
        await BrowserFixture.SignInAsync(page, "delegate.fra@demo.entraide.int");

        await page.GotoAsync("/consultations");
        Assert.True(await page.Locator($"a[href='/consultations/{open}']").IsVisibleAsync());
        await page.GotoAsync($"/consultations/{open}");
        await page.SelectOptionAsync("select[name=SubmissionLanguage]", "fr");
        await page.FillAsync("textarea[name=Text]",
            "La France se félicite de l’occasion qui lui est donnée.\n\nElle propose un champ d’application limité.");
        await page.ClickAsync("form[action*='handler=Submit'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        Assert.Contains("reçus", await page.TextContentAsync("[data-testid=done]"));
        Assert.True(await page.Locator("[data-testid=own-submission]").IsVisibleAsync());

        await page.GotoAsync($"/consultations/{closed}");
        await page.FillAsync("textarea[name=Text]", "Commentaires tardifs.");
        await page.ClickAsync("form[action*='handler=Submit'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=errors]");
        Assert.Contains("délai", await page.TextContentAsync("[data-testid=errors]"));
        Assert.Equal(0, await page.Locator("[data-testid=own-submission]").CountAsync());
        // What the delegate typed is still there to be sent once the secretariat accepts it.
        Assert.Equal("Commentaires tardifs.", await page.InputValueAsync("textarea[name=Text]"));
    }

    [BrowserFact]
    public async Task Secretariat_RecordsAVote_AndReadsTheFrenchAndArabicReports()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "secretariat@demo.entraide.int");
        var symbol = $"A/C.3/74/L.{Random.Shared.Next(100, 999)}/Rev.1";

        await page.GotoAsync("/votes");
        await page.FillAsync("input[name=DraftSymbol]", symbol);
        await page.SelectOptionAsync("select[name=Body]", "C.3");
        await page.ClickAsync("main form.stack button[type=submit]");
        await page.WaitForURLAsync("**/votes/*");

        await page.FillAsync("textarea[name=Ballots]", "yes\nFRA\nBRA\nEGY\nMEX\nno\nCHN\nUSA\nabstain\nIND\n");
        await page.ClickAsync("form[action*='handler=Import'] button[type=submit]");
        await page.WaitForSelectorAsync("p.notice[role=status]");
        await page.ClickAsync("form[action*='handler=Close'] button[type=submit]");
        await page.WaitForSelectorAsync("a:has-text('CSV')");
        var url = page.Url.Split('?')[0];

        await page.GotoAsync(url + "?report=fr");
        var fr = await page.TextContentAsync("[data-testid=outcome]");
        Assert.Equal($"La Troisième Commission a adopté le projet de résolution {symbol} par 4 voix contre 2, avec une abstention.", fr);
        var report = await page.TextContentAsync("[data-testid=vote-report]");
        Assert.Contains("Ont voté pour", report);
        Assert.Contains("Brésil, Égypte, France, Mexique.", report);
        Assert.Contains("Se sont abstenus", report);

        await page.GotoAsync(url + "?report=ar");
        Assert.Equal("rtl", await page.GetAttributeAsync("[data-testid=vote-report]", "dir"));
        var ar = await page.TextContentAsync("[data-testid=outcome]");
        Assert.StartsWith("اعتمدت اللجنة الثالثة مشروع القرار", ar);
        Assert.Contains("المؤيدون:", await page.TextContentAsync("[data-testid=vote-report]"));
        Assert.Contains("الممتنعون عن التصويت:", await page.TextContentAsync("[data-testid=vote-report]"));
    }
}
