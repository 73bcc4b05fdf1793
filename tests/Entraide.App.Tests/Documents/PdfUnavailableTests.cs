using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Entraide.App.Infrastructure.Documents;
using Entraide.App.Tests.Cooperation;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Documents;

/// <summary>A server without Chromium (a configured browser path that does not exist) says so; it never fails with a 500.</summary>
[Collection(AppCollection.Name)]
public sealed class PdfUnavailableTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPdf_WithoutChromium_IsALocalisedProblem_OrAPageWithTheHtmlVersion(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("FRA", Roles.CentralAuthority).SubmitAsync(CooperationTestData.Body("mla", "BRA"));
        await using var noBrowser = app.Derive(s => s.AddSingleton(new PdfSettings { ChromiumPath = "/nonexistent/chromium" }));
        var client = noBrowser.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("FRA", Roles.CentralAuthority));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var api = await client.GetAsync($"/api/v1/requests/{sent.Id()}/document?format=pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.EndsWith("/pdf-unavailable", problem.GetProperty("type").GetString());
        Assert.Contains("PDF", problem.GetProperty("title").GetString());
        Assert.Contains("HTML", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("available", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // A browser following the PDF link asks for HTML: a page in its language, pointing to the printable version.
        using var navigation = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{sent.Id()}/document?format=pdf");
        navigation.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var page = await client.SendAsync(navigation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"fr\"", html);
        Assert.Contains("L'impression en PDF est indisponible", html);
        Assert.Contains($"href=\"/requests/{sent.Id()}/document\"", html);
    }
}
