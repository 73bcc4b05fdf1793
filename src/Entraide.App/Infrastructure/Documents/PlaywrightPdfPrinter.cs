using System.Net;
using Entraide.Domain.Common;
using Microsoft.Playwright;

namespace Entraide.App.Infrastructure.Documents;

/// <summary>Where Chromium is (<c>Entraide:ChromiumPath</c>, default Debian's <c>/usr/bin/chromium</c>).</summary>
public sealed class PdfSettings
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    public string ChromiumPath { get; set; } = DefaultChromiumPath;
    /// <summary>Prints running at once; each holds a browser page in memory.</summary>
    public int MaxConcurrentPrints { get; set; } = 4;
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// Prints HTML to PDF with the machine's own Chromium, driven by Playwright. One browser is launched
/// on the first print and shared; each print gets its own page (an isolated context), closed after.
/// Playwright never downloads a browser here: only the configured executable is used, and when it is
/// missing the printer says so with <c>pdf-unavailable</c> (503) rather than failing obscurely.
/// </summary>
public sealed partial class PlaywrightPdfPrinter(PdfSettings settings, ILogger<PlaywrightPdfPrinter> logger) : IPdfPrinter, IAsyncDisposable
{
    internal static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, settings.MaxConcurrentPrints), Math.Max(1, settings.MaxConcurrentPrints));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _launches;

    public bool Available => File.Exists(settings.ChromiumPath);

    /// <summary>Browsers started so far: one for the printer's life, unless a browser died.</summary>
    internal int Launches => Volatile.Read(ref _launches);

    public async Task<byte[]> PrintAsync(string html, PdfOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        await _slots.WaitAsync(ct);
        try
        {
            var browser = await BrowserAsync(ct);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                JavaScriptEnabled = false,
                Offline = true,
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(settings.TimeoutSeconds * 1000f);
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            ct.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = options.Landscape,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = HeaderTemplate(options.HeaderTitle),
                FooterTemplate = FooterTemplate,
                Margin = new Margin { Top = "20mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
            });
        }
        catch (PlaywrightException ex)
        {
            // A browser that died or could not start: the next print launches a fresh one.
            LogPrintFailed(logger, ex);
            await ResetAsync();
            throw Unavailable();
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } b) return b;
        await _launch.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } again) return again;
            if (!Available) throw Unavailable();
            if (_browser is not null) await ResetCoreAsync();
            // Only the machine's Chromium is used; Playwright must not look for or fetch its own.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                ChromiumSandbox = false,
                Timeout = settings.TimeoutSeconds * 1000f,
            });
            Interlocked.Increment(ref _launches);
            return _browser;
        }
        catch (PlaywrightException ex)
        {
            LogLaunchFailed(logger, ex, settings.ChromiumPath);
            throw Unavailable();
        }
        finally
        {
            _launch.Release();
        }
    }

    private static DomainException Unavailable() => new(FailureKind.Unavailable, "pdf-unavailable");

    private async Task ResetAsync()
    {
        await _launch.WaitAsync();
        try { await ResetCoreAsync(); } finally { _launch.Release(); }
    }

    private async Task ResetCoreAsync()
    {
        var browser = _browser;
        _browser = null;
        if (browser is not null)
        {
            try { await browser.CloseAsync(); } catch (PlaywrightException) { }
        }
    }

    // Chromium fills .title, .pageNumber and .totalPages in these templates; they need their own inline styles.
    internal static string HeaderTemplate(string? title) =>
        "<div style=\"font-size:8pt;width:100%;padding:0 16mm;color:#5b6470;" +
        "font-family:'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;\">" +
        $"<span>{WebUtility.HtmlEncode(title ?? "")}</span></div>";

    internal const string FooterTemplate =
        "<div style=\"font-size:8pt;width:100%;padding:0 16mm;text-align:center;color:#5b6470;font-family:'Noto Sans',sans-serif;\">" +
        "<span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";

    public async ValueTask DisposeAsync()
    {
        await ResetCoreAsync();
        _playwright?.Dispose();
        _playwright = null;
        _launch.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium at {Path} could not be started for PDF printing")]
    private static partial void LogLaunchFailed(ILogger logger, Exception ex, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PDF print failed; the browser is restarted for the next one")]
    private static partial void LogPrintFailed(ILogger logger, Exception ex);
}
