using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Trust;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Entraide.Browser.Tests.Infrastructure;

public static class BrowserEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static bool Available => File.Exists(ChromiumPath);
    public static bool Required => Environment.GetEnvironmentVariable("ENTRAIDE_REQUIRE_BROWSER") == "1";
}

/// <summary>A browser test: skipped where Debian's Chromium is absent, unless CI requires it.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserEnvironment.Available && !BrowserEnvironment.Required)
            Skip = $"{BrowserEnvironment.ChromiumPath} is not installed (apt-get install chromium)";
    }
}

/// <summary>
/// Entraide on a real loopback port (fresh SQLite database, demo accounts) and one headless Debian
/// Chromium driven by Playwright, shared by the browser tests. Each test opens its own context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "entraide-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        if (!BrowserEnvironment.Available)
        {
            if (BrowserEnvironment.Required) throw new InvalidOperationException($"{BrowserEnvironment.ChromiumPath} is required but absent.");
            return;
        }
        Directory.CreateDirectory(_dataDir);
        _app = EntraideHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], b =>
        {
            b.Configuration["ConnectionStrings:Entraide"] = $"Data Source={Path.Combine(_dataDir, "entraide.db")}";
            b.Configuration["Database:Provider"] = "sqlite";
            b.Configuration["Entraide:DataDirectory"] = _dataDir;
            b.Configuration["Entraide:Demo"] = "true";
            // Demo accounts only: the tests read the inboxes they fill themselves.
            b.Configuration["Entraide:DemoContent"] = "false";
            b.Configuration["Entraide:PasswordHashIterations"] = "1000";
            b.Configuration["Entraide:SignInAttemptsPerMinute"] = "100000";
        });
        await _app.StartAsync();
        // Demo accounts and content are seeded in the background once the server is ready.
        await _app.Services.GetRequiredService<StartupState>().Seeded;
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) on a page of Entraide; without JavaScript when <paramref name="javaScript"/> is
    /// false, as a browser with scripts blocked shows the pages.
    /// </summary>
    public async Task<IPage> NewPageAsync(string? acceptLanguage = null, bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = acceptLanguage ?? "en-GB",
            JavaScriptEnabled = javaScript,
        });
        // Generous: CI machines have two cores shared by the server, the browser and the test runner.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs a demo account in, password then the authenticator code.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", DemoAccounts.Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await WaitForTwoFactorAsync(page);
        await page.FillAsync("input[name=code]", await UnusedCodeAsync(email));
        await page.ClickAsync("form.stack button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=who]");
    }

    private static readonly Dictionary<string, long> LastStep = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// An authenticator code this account has not used yet: a code works once, so a second sign-in of the same
    /// account within one 30-second step waits for the next step, as its owner would.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string email)
    {
        while (true)
        {
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (LastStep)
            {
                if (!LastStep.TryGetValue(email, out var last) || step > last)
                {
                    LastStep[email] = step;
                    return new Totp(Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey))
                        .ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Waits for the second sign-in step by its address and its code field, not by the page's "load" event:
    /// on a busy machine Chromium was seen never to report "load" after the sign-in POST's redirect.
    /// </summary>
    public static async Task WaitForTwoFactorAsync(IPage page)
    {
        await page.WaitForURLAsync("**/account/sign-in/two-factor**", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("input[name=code]");
    }

    public static string CurrentCode() => new Totp(Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
