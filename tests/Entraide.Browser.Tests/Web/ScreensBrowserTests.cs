using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Deliberation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Web;

/// <summary>Runs only when <c>ENTRAIDE_SCREENS_DIR</c> names where to write the screenshots (<c>tools/screens.sh</c>).</summary>
public sealed class ScreensFactAttribute : FactAttribute
{
    public ScreensFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENTRAIDE_SCREENS_DIR")))
            Skip = "Screenshots are taken by tools/screens.sh (ENTRAIDE_SCREENS_DIR).";
        else if (!BrowserEnvironment.Available)
            Skip = $"{BrowserEnvironment.ChromiumPath} is not installed (apt-get install chromium)";
    }
}

/// <summary>
/// The screenshots of <c>docs/screens/</c>: Entraide started as a newcomer starts it (<c>--demo</c>, SQLite in a
/// fresh data folder, the demo requests and consultations), its main pages in English and Arabic, 1280 px wide.
/// </summary>
[Trait("Category", "Screens")]
public sealed class ScreensBrowserTests
{
    private static readonly string[] Languages = ["en", "ar"];

    [ScreensFact]
    public async Task MainPages_InEnglishAndArabic_AreCapturedFromADemoStart()
    {
        var output = Environment.GetEnvironmentVariable("ENTRAIDE_SCREENS_DIR")!;
        Directory.CreateDirectory(output);
        var dataDir = Path.Combine(Path.GetTempPath(), "entraide-screens-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDir);
        var app = EntraideHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--demo"], b =>
        {
            b.Configuration["ConnectionStrings:Entraide"] = $"Data Source={Path.Combine(dataDir, "entraide.db")}";
            b.Configuration["Database:Provider"] = "sqlite";
            b.Configuration["Entraide:DataDirectory"] = dataDir;
            b.Configuration["Entraide:PasswordHashIterations"] = "1000";
        });
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<StartupState>().Seeded;
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var (request, consultation) = await SamplesAsync(app.Services);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserEnvironment.ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            });
            var shots = new List<(string Account, string Name, string Path)>
            {
                ("ca.fra", "home", "/"),
                ("ca.fra", "requests", "/requests"),
                ("ca.fra", "request", $"/requests/{request}"),
                ("ca.fra", "draft-request", "/requests/draft?type=mla&to=JPN"),
                ("ca.fra", "profile", "/states/AUS/profile"),
                ("ca.fra", "register", "/register"),
                ("ca.fra", "knowledge-search", "/knowledge/search?q=data"),
                ("ca.fra", "dual-criminality",
                    "/knowledge/dual-criminality?requesting=FRA&requested=JPN&terms=illegal-access&terms=computer-fraud"),
                ("secretariat", "consultation", $"/consultations/{consultation}"),
                ("secretariat", "votes", "/votes"),
            };
            foreach (var account in shots.Select(s => s.Account).Distinct())
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = baseUrl,
                    ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
                    Locale = "en-GB",
                });
                context.SetDefaultTimeout(60_000);
                var page = await context.NewPageAsync();
                await BrowserFixture.SignInAsync(page, account + "@demo.entraide.int");
                foreach (var language in Languages)
                {
                    await page.GotoAsync($"/?lang={language}");
                    foreach (var shot in shots.Where(s => s.Account == account))
                    {
                        await page.GotoAsync(shot.Path);
                        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                        var file = Path.Combine(output, $"{shot.Name}.{language}.png");
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Type = ScreenshotType.Png });
                        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
                    }
                }
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A demo request France received (with a timeline) and the demo consultation.</summary>
    private static async Task<(Guid Request, Guid Consultation)> SamplesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var request = await db.Set<CooperationRequest>().Where(r => r.RequestedState == "FRA" && r.Status == RequestStatus.InExecution)
            .Select(r => r.Id).FirstAsync();
        var consultation = await db.Set<Consultation>().OrderBy(c => c.OpenedAt).Select(c => c.Id).FirstAsync();
        return (request, consultation);
    }
}
