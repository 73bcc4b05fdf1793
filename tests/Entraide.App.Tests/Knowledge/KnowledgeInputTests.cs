using System.Net;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Network;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Knowledge;

/// <summary>Malformed input to the Knowledge endpoints: a localised problem, never a 500, and nothing stored changes.</summary>
[Collection(AppCollection.Name)]
public sealed class KnowledgeInputTests(AppFixture fixture)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private const string CsvHeader =
        "state,law,type,original_language,adopted_on,language,date,version_title,eid,number,heading,text,terms,penalty_min_months,penalty_max_months";

    [Theory, ClassData(typeof(Databases))]
    public async Task ListLawsAndCases_NulInTheStateFilter_IsAProblem(Db db)
    {
        var client = fixture.App(db).Anonymous();
        await client.GetAsync("/api/v1/knowledge/laws?state=%00").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-state");
        await client.GetAsync("/api/v1/knowledge/cases?state=%00").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-state");
        await client.GetAsync("/api/v1/knowledge/laws?type=%00").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-work-type");
        var fra = await client.GetAsync("/api/v1/knowledge/laws?state=fra").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(0, fra.GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateLaw_ControlCharacters_AreRefusedWhereTheyAreAndNothingIsStored(Db db)
    {
        var app = fixture.App(db);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Knowledge);
        var law = new
        {
            state = "KHM",
            title = "Cybercrime Law\u0000",
            type = WorkTypes.Statute,
            originalLanguage = "en",
            expressions = new[]
            {
                new
                {
                    language = "en", date = "2020-01-01", title = "Version \u202E2020", note = "Consolidated\u0007",
                    provisions = new[] { new { eid = "art_1", number = "Art. 1\u0000", heading = "Access\u2066",
                        text = "Line one\nline two\u0000" } },
                },
            },
        };
        var problem = await app.ClientFor("KHM", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/laws", law)
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        var fields = problem.GetProperty("errors").EnumerateArray()
            .Where(e => e.GetProperty("code").GetString() == "control-characters").Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["title", "expressions[0].title", "expressions[0].note", "expressions[0].provisions[0].number",
            "expressions[0].provisions[0].heading", "expressions[0].provisions[0].text"], fields);
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Knowledge));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bodies_NullsInListsWrongTypesAndHugeNumbers_AreProblemsAndNothingIsStored(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("KHM", Roles.StateAdministrator);
        var lawId = await Laws.IllegalAccessAsync(app, "KHM", 24);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Knowledge);
        var law = "{\"state\":\"KHM\",\"title\":\"Law\",\"type\":\"statute\",\"originalLanguage\":\"en\",\"expressions\":";
        var sends = new (string Url, string Body)[]
        {
            ("/api/v1/knowledge/laws", law + "[null]}"),
            ("/api/v1/knowledge/laws", law + "[{\"language\":\"en\",\"date\":\"2020-01-01\",\"title\":\"V\",\"provisions\":[null]}]}"),
            ("/api/v1/knowledge/laws", law + "[{\"language\":\"en\",\"date\":\"2020-01-01\",\"title\":\"V\","
                + "\"provisions\":[{\"eid\":\"a\",\"number\":\"1\",\"text\":\"T\",\"terms\":[null]}]}]}"),
            ("/api/v1/knowledge/laws", law + "[{\"language\":\"en\",\"date\":\"2020-01-01\",\"title\":\"V\","
                + "\"provisions\":[{\"eid\":\"a\",\"number\":\"1\",\"text\":\"T\",\"penaltyMaxMonths\":1e308}]}]}"),
            ("/api/v1/knowledge/laws", law + "{}}"),
            ("/api/v1/knowledge/laws", "[]"),
            ($"/api/v1/knowledge/laws/{lawId}/versions", "{\"language\":\"fr\",\"date\":\"2021-01-01\",\"title\":\"V\",\"provisions\":[null]}"),
            ($"/api/v1/knowledge/laws/{lawId}/versions", "null"),
            ($"/api/v1/knowledge/laws/{lawId}/repeal", "{\"on\":\"2021-01-01\",\"version\":1e308}"),
            ($"/api/v1/knowledge/laws/{lawId}/repeal", "{\"on\":\"not-a-date\"}"),
            ("/api/v1/knowledge/cases", "{\"state\":\"KHM\",\"kind\":\"lesson\",\"title\":\"T\",\"summary\":\"S\",\"language\":\"en\","
                + "\"date\":\"2020-01-01\",\"terms\":[null]}"),
            ("/api/v1/knowledge/cases", "{\"state\":\"KHM\",\"kind\":\"lesson\",\"title\":\"T\",\"summary\":\"S\",\"language\":\"en\","
                + "\"date\":\"2020-01-01\",\"provisions\":[null]}"),
            ("/api/v1/knowledge/cases", "{\"state\":\"KHM\",\"kind\":\"lesson\",\"title\":\"T\\u0000\",\"summary\":\"S\\u202E\","
                + "\"source\":\"\\u0000\",\"language\":\"en\",\"date\":\"2020-01-01\",\"terms\":[\"preservation\"]}"),
        };
        foreach (var (url, body) in sends)
        {
            var response = await admin.PostAsync(url, Json(body));
            Assert.True((int)response.StatusCode is >= 400 and < 500,
                $"{url} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Knowledge));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportCsv_QuoteInsideAnUnquotedCell_IsKeptAsWritten(Db db)
    {
        var app = fixture.App(db);
        var title = "Loi sur la cybercriminalité " + Guid.NewGuid().ToString("N")[..6];
        var csv = string.Join("\r\n", CsvHeader,
            $"KHM,{title},statute,fr,2019-01-05,fr,2019-01-05,,art_5-bis,Article 5 \"bis\",,\"Accès, maintien\r\net entrave.\",illegal-access,,24");
        var body = await app.ClientFor("KHM", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports?format=csv", new StringContent(csv,
            Encoding.UTF8, "text/csv"))
            .ExpectAsync(HttpStatusCode.OK);
        var id = body.GetProperty("created")[0].GetProperty("id").GetGuid();
        var law = await app.Anonymous().GetAsync($"/api/v1/knowledge/laws/{id}").ExpectAsync(HttpStatusCode.OK);
        var provision = Assert.Single(law.GetProperty("provisions").EnumerateArray());
        Assert.Equal("Article 5 \"bis\"", provision.GetProperty("number").GetString());
        Assert.Equal("Accès, maintien\r\net entrave.", provision.GetProperty("text").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportCsv_ControlCharacterInACell_IsReportedOnItsRowAndNothingIsStored(Db db)
    {
        var app = fixture.App(db);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Knowledge);
        var csv = string.Join("\n", CsvHeader,
            "KHM,Law on access,statute,en,2019-01-05,en,2019-01-05,,art_1,Art. 1,,Access.,illegal-access,,24",
            "KHM,Law on access,statute,en,2019-01-05,en,2019-01-05,,art_2,Art. 2\u0000,,Interference.,system-interference,,24");
        var problem = await app.ClientFor("KHM", Roles.StateAdministrator)
            .PostAsync("/api/v1/knowledge/imports?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        Assert.Equal("row 3, number", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Knowledge));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_PageFarBeyondTheLast_IsEmptyAndDoesNotWrapAround(Db db)
    {
        var client = fixture.App(db).Anonymous();
        var first = await client.GetAsync("/api/v1/knowledge/search?q=&pageSize=5").ExpectAsync(HttpStatusCode.OK);
        Assert.True(first.GetProperty("total").GetInt32() > 5);
        await client.GetAsync("/api/v1/knowledge/search?page=2147483648").ExpectProblemAsync(HttpStatusCode.BadRequest);
        foreach (var page in new[] { "2147483647", "100001", "99999" })
        {
            var far = await client.GetAsync($"/api/v1/knowledge/search?page={page}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(0, far.GetProperty("hits").GetArrayLength());
            Assert.Equal(first.GetProperty("total").GetInt32(), far.GetProperty("total").GetInt32());
        }
        var huge = await client.GetAsync("/api/v1/knowledge/search?pageSize=2147483647").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(100, huge.GetProperty("pageSize").GetInt32());
        var negative = await client.GetAsync("/api/v1/knowledge/search?page=-2147483648&pageSize=-1").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, negative.GetProperty("page").GetInt32());
        Assert.Equal(1, negative.GetProperty("hits").GetArrayLength());
    }

    public static TheoryData<Db, string> OddQueries()
    {
        var urls = new[]
        {
            "/api/v1/knowledge/laws?state=%00&type=%00&repealed=%00", "/api/v1/knowledge/laws/not-a-guid",
            "/api/v1/knowledge/cases?state=%00", "/api/v1/knowledge/cases?term=%00&provision=%00", "/api/v1/knowledge/cases?state=a%00b",
            "/api/v1/knowledge/states/%01/profile", "/api/v1/knowledge/states/FRA/gaps?on=%00&lang=%00",
            "/api/v1/knowledge/dual-criminality?terms=%00&requesting=%00&requested=%00",
            "/api/v1/knowledge/dual-criminality?terms=illegal-access&requesting=FRA&requested=BRA&on=99999-01-01",
            "/api/v1/knowledge/search?q=%00&state=%00&term=%00&type=%00&language=%00",
                "/api/v1/knowledge/search?q=a%00b&from=2020-01-01&to=2019-01-01",
            "/api/v1/knowledge/search?page=2147483647&pageSize=2147483647",
            "/knowledge?state=%00&type=%00", "/knowledge/cases?term=%00", "/knowledge/search?q=%00&state=%00&year=%00&page=2147483647",
            "/knowledge/states/%01/profile", "/knowledge/states/%E2%80%AE/gaps", "/knowledge/dual-criminality?requesting=%00&requested=%00&terms=%00",
            "/knowledge/laws/00000000-0000-0000-0000-000000000000?on=%00",
        };
        var data = new TheoryData<Db, string>();
        foreach (var db in AllDatabases())
            foreach (var url in urls) data.Add(db, url);
        return data;
    }

    private static IEnumerable<Db> AllDatabases()
    {
        _ = new Databases();
        return TestEnvironment.PostgresServer is null ? [Db.Sqlite] : [Db.Sqlite, Db.Postgres];
    }

    [Theory, MemberData(nameof(OddQueries))]
    public async Task Get_NulAndOutOfRangeValues_AreNeverAServerError(Db db, string url)
    {
        var response = await fixture.App(db).Anonymous().GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
