using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;

namespace Entraide.App.Tests.Knowledge;

/// <summary>
/// The demo platform shows both negative answers apart: a State that declared an optional category not criminalised, and
/// the terms where its recorded laws are only silent (unknown — no provision recorded).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DemoDeclarationTests(AppFixture fixture)
{
    /// <summary>The demo State that declares an optional category it does not criminalise.</summary>
    private const string Declaring = "USA";

    private static JsonElement Term(JsonElement coverage, string term) =>
        coverage.GetProperty("chapters").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "optional")
            .GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == term);

    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_AStateDeclaresACategoryNotCriminalised_ShownApartFromTheTermsNoProvisionCovers(Db db)
    {
        var app = fixture.App(db);
        var gaps = await app.Anonymous().GetAsync($"/api/v1/knowledge/states/{Declaring}/gaps").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(OffenceCategories.Extremism,
            gaps.GetProperty("declaration").GetProperty("notCriminalised").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("declared-not-criminalised", Term(gaps, OptionalTerms.IncitementToHatred).GetProperty("coverage").GetString());
        Assert.Equal("no-provision-recorded", Term(gaps, OptionalTerms.TerroristUse).GetProperty("coverage").GetString());

        foreach (var path in new[] { $"/knowledge/states/{Declaring}/gaps", $"/knowledge/states/{Declaring}" })
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
            var hatred = page.QuerySelector("[data-testid=chapter-optional] tr[data-term=incitement-hatred]");
            Assert.True(hatred is not null, $"{path} lists no incitement to hatred");
            Assert.Equal("declared-not-criminalised", hatred!.GetAttribute("data-coverage"));
            var silent = page.QuerySelector("[data-testid=chapter-optional] tr[data-term=terrorist-use]")!;
            Assert.Equal("no-provision-recorded", silent.GetAttribute("data-coverage"));
            Assert.Contains("Unknown — no provision recorded", silent.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Unknown — no provision recorded", hatred.TextContent, StringComparison.Ordinal);
        }
    }
}
