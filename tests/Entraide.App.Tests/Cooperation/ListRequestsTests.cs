using System.Net;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>The inbox listing (API and page) with search terms and page numbers no one would type.</summary>
[Collection(AppCollection.Name)]
public sealed class ListRequestsTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task List_SearchWithAControlCharacter_IsRefusedWithAFieldError(Db db)
    {
        var app = fixture.App(db);
        await CooperationTestData.ReceivedMlaAsync(app, "GRC", "PRT");
        var prt = app.ClientFor("PRT", Roles.CentralAuthority);
        prt.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        foreach (var q in new[] { "a%00b", "%E2%80%AEcod", "a%1Bb" })
        {
            var problem = await prt.GetAsync($"/api/v1/requests?q={q}").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal("q", error.GetProperty("field").GetString());
            Assert.Contains("« Recherche »", error.GetProperty("message").GetString());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task InboxPage_SearchWithANul_ShowsTheErrorAndTheUnfilteredInbox(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "GRC", "MLT");
        var response = await app.ClientFor("MLT", Roles.CentralAuthority).GetAsync("/requests?q=a%00b&lang=en");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Contains("invisible control character", doc.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll("[data-testid=request-link]"), a => a.GetAttribute("href") == $"/requests/{id}");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_PageFarBeyondTheLast_IsEmpty_AndNeverWrapsAround(Db db)
    {
        var app = fixture.App(db);
        await CooperationTestData.ReceivedMlaAsync(app, "GRC", "LUX");
        var lux = app.ClientFor("LUX", Roles.CentralAuthority);
        var first = await lux.GetAsync("/api/v1/requests?box=incoming&page=1").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEmpty(first.GetProperty("items").EnumerateArray());
        foreach (var page in new[] { "2147483647", "1073741824", "100001" })
        {
            var listing = await lux.GetAsync($"/api/v1/requests?box=incoming&page={page}&pageSize=200").ExpectAsync(HttpStatusCode.OK);
            Assert.Empty(listing.GetProperty("items").EnumerateArray());
            Assert.False(listing.GetProperty("hasMore").GetBoolean());
            // The buckets count the whole box, whichever page is shown.
            Assert.Equal(first.GetProperty("counts").GetRawText(), listing.GetProperty("counts").GetRawText());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_PageNumberThatIsNotAnInteger_IsABadRequest(Db db)
    {
        var client = fixture.App(db).ClientFor("GRC", Roles.CentralAuthority);
        foreach (var page in new[] { "99999999999999999999", "1e308", "-1.5" })
        {
            var response = await client.GetAsync($"/api/v1/requests?page={page}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
