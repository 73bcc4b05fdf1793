using System.Text;
using System.Text.RegularExpressions;
using Entraide.App.Infrastructure.Documents;
using Entraide.Domain.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Entraide.App.Tests.Documents;

/// <summary>Runs only where Chromium is installed, unless <c>ENTRAIDE_REQUIRE_BROWSER=1</c> (CI) makes its absence a failure.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(PdfSettings.DefaultChromiumPath) && Environment.GetEnvironmentVariable("ENTRAIDE_REQUIRE_BROWSER") != "1")
            Skip = $"{PdfSettings.DefaultChromiumPath} is not installed";
    }
}

public sealed partial class PdfPrinterTests : IAsyncLifetime
{
    private readonly PlaywrightPdfPrinter _printer = new(new PdfSettings(), NullLogger<PlaywrightPdfPrinter>.Instance);

    [ChromiumFact]
    public async Task Print_ArabicAndChineseDocuments_ArePdfs()
    {
        var arabic = PrintableDocument.Wrap("ar", "طلب مساعدة قانونية متبادلة",
            "<h1>طلب مساعدة قانونية متبادلة</h1>" +
            "<p>تطلب الجمهورية الفرنسية حفظ البيانات المخزنة وفقاً للمادة 42.</p>");
        var chinese = PrintableDocument.Wrap("zh", "司法协助请求",
            "<h1>司法协助请求</h1><p>法兰西共和国请求根据第四十二条迅速保全所存储的数据。</p>");

        var a = await _printer.PrintAsync(arabic, new PdfOptions(HeaderTitle: "FRA-2026-0001"), CancellationToken.None);
        var z = await _printer.PrintAsync(chinese, new PdfOptions(), CancellationToken.None);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(a, 0, 4));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(z, 0, 4));
        Assert.True(a.Length > 1000 && z.Length > 1000);
    }

    [ChromiumFact]
    public async Task Print_Landscape_TurnsTheA4Page()
    {
        var html = PrintableDocument.Wrap("en", "Register",
            "<table><tr><th>State</th><th>Authority</th></tr><tr><td>France</td><td>Ministry of Justice</td></tr></table>");
        var portrait = MediaBox(await _printer.PrintAsync(html, new PdfOptions(), CancellationToken.None));
        var landscape = MediaBox(await _printer.PrintAsync(html, new PdfOptions(Landscape: true), CancellationToken.None));
        Assert.True(portrait.Height > portrait.Width, "A4 portrait is taller than wide");
        Assert.True(landscape.Width > landscape.Height, "landscape is wider than tall");
        Assert.InRange(portrait.Width, 590, 600);
    }

    [ChromiumFact]
    public async Task Print_ConcurrentPrints_ShareOneBrowser_AndEachGetsItsOwnDocument()
    {
        // More prints than slots, at once: each PDF holds its own request and no other's, from one browser.
        var references = Enumerable.Range(1, 6).Select(i => $"FRA-2026-{i:0000}").ToArray();
        var pdfs = await Task.WhenAll(references.Select(reference => _printer.PrintAsync(
            PrintableDocument.Wrap("fr", "Demande", $"<p>Demande d'entraide judiciaire {reference}.</p>"),
            new PdfOptions(), CancellationToken.None)));

        for (var i = 0; i < references.Length; i++)
        {
            var text = TextOf(pdfs[i]);
            Assert.Contains(references[i], text);
            Assert.All(references.Where((_, j) => j != i), other => Assert.DoesNotContain(other, text));
        }
        Assert.Equal(1, _printer.Launches);
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(page => page.Text));
    }

    [Fact]
    public async Task Print_NoChromiumAtThePath_IsPdfUnavailable()
    {
        await using var printer = new PlaywrightPdfPrinter(
            new PdfSettings { ChromiumPath = "/nonexistent/chromium" },
            NullLogger<PlaywrightPdfPrinter>.Instance);
        var ex = await Assert.ThrowsAsync<DomainException>(() => printer.PrintAsync("<p>x</p>", new PdfOptions(), CancellationToken.None));
        Assert.Equal(FailureKind.Unavailable, ex.Kind);
        Assert.Equal("pdf-unavailable", ex.Errors[0].Code);
        Assert.Equal(503, Entraide.App.Infrastructure.Http.ProblemResponses.StatusOf(ex.Kind));
    }

    [Fact]
    public void Wrap_Arabic_SetsLanguageAndRightToLeft_AndEscapesTheTitle()
    {
        var html = PrintableDocument.Wrap("ar", "<script>x</script>", "<p>نص</p>");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", PrintableDocument.Wrap("xx", "t", ""));
    }

    private static (double Width, double Height) MediaBox(byte[] pdf)
    {
        var m = MediaBoxPattern().Match(Encoding.Latin1.GetString(pdf));
        Assert.True(m.Success, "the PDF declares a media box");
        double N(int g) => double.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (N(3) - N(1), N(4) - N(2));
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBoxPattern();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _printer.DisposeAsync();
}
