using System.Net;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Network;

[Collection(AppCollection.Name)]
public sealed class RegisterApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Register_Unfiltered_ListsEveryStateInTheLanguagesOrder(Db db)
    {
        var body = await fixture.App(db).Anonymous().GetAsync("/api/v1/register?lang=ar").ExpectAsync(HttpStatusCode.OK);
        var names = body.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Equal(195, names.Count);
        Assert.Equal(names.Order(Collation.For("ar")).ToList(), names);
        var egypt = body.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "EGY");
        Assert.Equal("مصر", egypt.GetProperty("name").GetString());
        Assert.NotEqual(0, egypt.GetProperty("authorities").GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Register_FilteredByKindLanguageAndRoundTheClock_KeepsOnlyMatchingAuthorities(Db db)
    {
        var app = fixture.App(db);
        await NetworkSamples.CreateAuthorityAsync(app, "PRT", new
        {
            kind = "point-of-contact",
            name = "Polícia Judiciária — UNC3T",
            phones = new[] { "+351 21 864 1000" },
            languages = new[] { "pt", "en" },
            officeHours = "",
            timeZone = "Europe/Lisbon",
            preferredChannel = "phone",
            aroundTheClock = true,
        });
        var body = await app.Anonymous().GetAsync("/api/v1/register?kind=point-of-contact&language=pt&aroundTheClock=true")
            .ExpectAsync(HttpStatusCode.OK);
        var states = body.GetProperty("states").EnumerateArray().ToList();
        Assert.Contains(states, s => s.GetProperty("state").GetString() == "PRT");
        Assert.DoesNotContain(states, s => s.GetProperty("state").GetString() == "FRA");
        Assert.All(states.SelectMany(s => s.GetProperty("authorities").EnumerateArray()), a =>
        {
            Assert.Equal("point-of-contact", a.GetProperty("kind").GetString());
            Assert.True(a.GetProperty("aroundTheClock").GetBoolean());
            Assert.Contains("pt", a.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        });

        var byName = await app.Anonymous().GetAsync("/api/v1/register?q=UNC3T").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("PRT", Assert.Single(byName.GetProperty("states").EnumerateArray()).GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Register_UnknownKind_IsAProblem(Db db)
    {
        await fixture.App(db).Anonymous().GetAsync("/api/v1/register?kind=embassy")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-authority-kind");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RegisterCsv_Public_IsLocalisedWithoutPointPhones(Db db)
    {
        var app = fixture.App(db);
        var response = await app.Anonymous().GetAsync("/api/v1/register/csv?lang=fr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("register-fr-",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
                StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1 ? text.Split("\r\n",
            StringSplitOptions.RemoveEmptyEntries) : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Code de l'État,État,Région,Type,Autorité", lines[0], StringComparison.Ordinal);
        var france = lines.Where(l => l.StartsWith("FRA,France,", StringComparison.Ordinal)).ToList();
        Assert.Contains(france, l => l.Contains(",point-of-contact,", StringComparison.Ordinal));
        // The demo 24/7 point's number ends in 0199; the central authority's public number in 0100.
        Assert.DoesNotContain(france, l => l.Contains("0199", StringComparison.Ordinal));
        Assert.Contains(france, l => l.Contains("0100", StringComparison.Ordinal));

        var asAuthority = await app.ClientFor("BRA", Roles.PointOfContact).GetStringAsync("/api/v1/register/csv?lang=fr");
        Assert.Contains("0199", asAuthority, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RegisterCsv_CellsASpreadsheetWouldRun_AreNeutralised(Db db)
    {
        var app = fixture.App(db);
        var created = await NetworkSamples.CreateAuthorityAsync(app, "BTN", new
        {
            kind = "central-authority",
            name = "=HYPERLINK(\"https://evil.example\",\"Office\")",
            address = "@SUM(1+1)*cmd|' /C calc'!A0",
            phones = new[] { "+975 2 322 000" },
            email = "central@justice.bt.example",
            languages = new[] { "dz", "en" },
            officeHours = "mon-fri 09:00-17:00",
            timeZone = "Asia/Thimphu",
            preferredChannel = "platform",
            aroundTheClock = false,
            addressPublic = true,
            emailPublic = true,
            phonesPublic = true,
        });
        var csv = await app.Anonymous().GetStringAsync("/api/v1/register/csv?lang=en&q=BTN");
        var rows = Entraide.App.Infrastructure.Csv.CsvFiles.ReadRows(new StringReader(csv));
        var row = Assert.Single(rows, r => r[0] == "BTN" && r.Contains("central-authority"));
        var name = row[4];
        var address = row[5];
        Assert.Equal("'" + created.GetProperty("name").GetString(), name);
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", address);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RegisterPage_Arabic_IsRightToLeftWithArabicNamesInArabicOrder(Db db)
    {
        var html = await fixture.App(db).Anonymous().GetStringAsync("/register?lang=ar");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", doc.DocumentElement.GetAttribute("lang"));
        var names = doc.QuerySelectorAll("table[data-testid=register] tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(195, names.Count);
        Assert.Equal(names.Order(Collation.For("ar")).ToList(), names);
        Assert.Contains("مصر", names);
        Assert.DoesNotContain("0199", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RegisterPrint_Chinese_IsAStandaloneDocumentInChineseOrder(Db db)
    {
        var html = await fixture.App(db).Anonymous().GetStringAsync("/register/print?lang=zh&kind=central-authority");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("zh", doc.DocumentElement.GetAttribute("lang"));
        var names = doc.QuerySelectorAll("section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("中国", names);
        Assert.Equal(names.Order(Collation.For("zh")).ToList(), names);
        Assert.Null(doc.QuerySelector("header.top"));
    }
}
