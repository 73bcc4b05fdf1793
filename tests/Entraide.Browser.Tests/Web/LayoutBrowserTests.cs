using Entraide.App.Infrastructure.Persistence;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Web;

/// <summary>
/// Layouts, not content: the main pages, in English and in Arabic (right to left), on a desktop (1280 px) and a
/// phone (390 px), must not scroll sideways, reach past the screen, draw text or controls over each other, or put
/// a checkbox anywhere but beside its label. The measurements are in <c>layout-check.js</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutBrowserTests(BrowserFixture fixture)
{
    private static readonly string Check = ReadCheck();
    private static readonly (int Width, int Height)[] Screens = [(1280, 900), (390, 844)];

    private static string ReadCheck()
    {
        using var stream = typeof(LayoutBrowserTests).Assembly.GetManifestResourceStream("layout-check.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [BrowserFact]
    public Task MainPages_InEnglish_HoldTheirLayout_OnADesktopAndAPhone() => MainPagesHoldAsync("en");

    [BrowserFact]
    public Task MainPages_InArabic_HoldTheirLayout_OnADesktopAndAPhone() => MainPagesHoldAsync("ar");

    private async Task MainPagesHoldAsync(string language)
    {
        var consultation = await ConsultationAsync();
        var problems = new List<string>();

        var officer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "ca.fra@demo.entraide.int");
        await officer.GotoAsync("/?lang=en");
        var request = await SendRequestAsync(officer);
        await officer.GotoAsync($"/?lang={language}");
        string[] officerPages =
        [
            "/", "/states", "/states/AUS/profile", "/register", "/knowledge/search?q=data",
            "/knowledge/dual-criminality?requesting=FRA&requested=CHN&terms=illegal-access&terms=csam",
            "/requests", "/requests?box=outgoing", $"/requests/{request}", "/requests/draft?type=mla&to=JPN", "/notifications",
        ];
        foreach (var path in officerPages) problems.AddRange(await CheckAsync(officer, path));

        // On a phone the inbox is one card per request, each value under its column's name.
        await officer.SetViewportSizeAsync(390, 844);
        await officer.GotoAsync("/requests?box=outgoing");
        Assert.Equal("block", await officer.EvalOnSelectorAsync<string>("[data-testid=inbox] tbody tr", "r => getComputedStyle(r).display"));
        Assert.NotEqual("none", await officer.EvalOnSelectorAsync<string>("[data-testid=inbox] td[data-label]",
            "c => getComputedStyle(c, '::before').content"));

        var secretariat = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(secretariat, "secretariat@demo.entraide.int");
        await secretariat.GotoAsync($"/?lang={language}");
        foreach (var path in new[] { "/consultations", $"/consultations/{consultation}", "/drafts", "/votes" })
            problems.AddRange(await CheckAsync(secretariat, path));

        Assert.True(problems.Count == 0, $"{problems.Count} layout problem(s) in {language}:\n" + string.Join('\n', problems));
    }

    [BrowserFact]
    public async Task FormalDocument_IsStyledUnderTheCsp_AndUserValuesAreIsolatedForBidirectionalText()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "ca.egy@demo.entraide.int");
        await page.GotoAsync("/?lang=en");
        var request = await SendRequestAsync(page);
        await page.GotoAsync("/?lang=ar");
        await page.GotoAsync($"/requests/{request}");

        // Every value the officer typed reads in its own direction inside the Arabic page.
        var dirs = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=content] dd", "ds => ds.map(d => d.dir)");
        Assert.NotEmpty(dirs);
        Assert.All(dirs, d => Assert.Equal("auto", d));

        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(m.Text); };
        var response = await page.GotoAsync($"/requests/{request}/document");
        Assert.DoesNotContain("unsafe-inline", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        // The document's own style applies: a centred title, the page margins of a formal letter.
        Assert.Equal("center", await page.EvalOnSelectorAsync<string>("h1", "h => getComputedStyle(h).textAlign"));
        Assert.NotEqual("8px", await page.EvalOnSelectorAsync<string>("body", "b => getComputedStyle(b).marginTop"));
        Assert.Empty(violations);
    }

    private static async Task<List<string>> CheckAsync(IPage page, string path)
    {
        var found = new List<string>();
        foreach (var (width, height) in Screens)
        {
            await page.SetViewportSizeAsync(width, height);
            if (page.Url.EndsWith(path, StringComparison.Ordinal)) await page.ReloadAsync();
            else await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.Load);
            var status = await page.EvaluateAsync<string[]>(Check);
            found.AddRange(status.Select(p => $"{path} at {width}px: {p}"));
        }
        return found;
    }

    /// <summary>A request with long free text, sent from the draft page as an officer would.</summary>
    private static async Task<string> SendRequestAsync(IPage page)
    {
        await page.GotoAsync("/requests/draft?type=mla&to=JPN");
        foreach (var f in RequestCatalogue.Of(RequestType.MutualLegalAssistance).Fields.Where(f => f.Required))
        {
            if (f.Kind == FieldKind.Affirmation) await page.CheckAsync($"input[name='f.{f.Name}']");
            else await page.FillAsync($"#f-{f.Name}", LongText(f.Name));
        }
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=sent]");
        return page.Url.Split('/')[^1].Split('?')[0];
    }

    private static string LongText(string field) =>
        $"{field}: Office central de lutte contre la criminalité liée aux technologies de l'information et de la communication " +
        "(OCLCTIC), 101 rue des Trois Fontanot, 92000 Nanterre — https://www.example.org/a/very/long/address/without/any/break/" +
        "in/it/that/would/push/the/page/sideways/if/nothing/wrapped/it and the account "
        + "averyveryverylongidentifierwithoutspaces0123456789abcdefghijklmnopqrstuvwxyz@example.org.";

    /// <summary>An open consultation with a long invitation (written as the secretariat's page would).</summary>
    private async Task<Guid> ConsultationAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var now = DateTimeOffset.UtcNow;
        var title = "Scope of the protocol on the collection of evidence " + Guid.NewGuid().ToString("N")[..6];
        var c = Consultation.Open(new ConsultationInvitation(title,
                "Which offences should the protocol cover, and which safeguards should apply to the production of subscriber information?",
                string.Concat(Enumerable.Repeat("The Chair invites Member States to submit their comments on the scope and the safeguards. ", 6)),
                null, "en", null, now.AddDays(14), ["FRA", "EGY", "JPN"]),
            StateDirectory.Default, new Actor("secretariat", "UNODC secretariat", null, new HashSet<string> { Roles.Secretariat }), now.AddDays(-1));
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }
}
