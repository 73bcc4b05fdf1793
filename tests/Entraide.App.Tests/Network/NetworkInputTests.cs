using System.Net;
using System.Net.Http.Json;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Network;

/// <summary>Malformed input to the Network endpoints: a localised problem, never a 500, and nothing stored changes.</summary>
[Collection(AppCollection.Name)]
public sealed class NetworkInputTests(AppFixture fixture)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory, ClassData(typeof(Databases))]
    public async Task StartRound_HugeOrNegativeResponseHours_IsAFieldErrorAndSendsNothing(Db db)
    {
        var app = fixture.App(db);
        var secretariat = app.ClientFor(null, Roles.Secretariat);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Network);
        foreach (var hours in new[] { "1e308", "-1e308", "-1", "1.7976931348623157E+308", "5e-324" })
        {
            var problem = await secretariat.PostAsync("/api/v1/verification/rounds", Json($"{{\"responseHours\":{hours}}}"))
                .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "response-time-range");
            Assert.Contains("responseHours", problem.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Network));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateAuthority_ControlCharacters_AreRefusedFieldByFieldAndNothingIsStored(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("LAO", Roles.StateAdministrator);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Network);
        var body = new
        {
            kind = "central-authority",
            name = "Ministry of Public Security\u0000",
            address = "Vientiane \u202Efdp.exe",
            phones = new[] { "+856 21 212 000" },
            email = "central\u0000@mps.la.example",
            languages = new[] { "lo", "en" },
            officeHours = "mon-fri 08:00-16:00",
            timeZone = "Asia/Vientiane",
            preferredChannel = "platform",
            aroundTheClock = false,
        };
        var problem = await admin.PostJsonAsync("/api/v1/states/LAO/authorities", body)
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        var fields = problem.GetProperty("errors").EnumerateArray()
            .Where(e => e.GetProperty("code").GetString() == "control-characters").Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["name", "address", "email"], fields);
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Network));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ProfileFlagAndRound_ControlCharacters_AreRefusedAndNothingIsStored(Db db)
    {
        var app = fixture.App(db);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Network);
        var admin = app.ClientFor("LAO", Roles.StateAdministrator);
        var secretariat = app.ClientFor(null, Roles.Secretariat);
        var profile = new
        {
            status = "none",
            acceptedLanguages = new[] { "en" },
            notes = "Requests\u0000 in Lao",
        };
        await admin.PutAsJsonAsync("/api/v1/states/LAO/profile", profile).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "control-characters");
        await secretariat.PostJsonAsync("/api/v1/states/LAO/flags", new { note = "Outdated\u0000" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        await secretariat.PostJsonAsync("/api/v1/verification/rounds", new { responseHours = 24, message = "Annual \u202Echeck" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Network));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bodies_NullsWrongTypesAndHugeNumbers_AreProblemsAndNothingIsStored(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("LAO", Roles.StateAdministrator);
        var secretariat = app.ClientFor(null, Roles.Secretariat);
        var before = await StoredRows.SnapshotAsync(app, StoredRows.Network);
        var sends = new (HttpClient Client, HttpMethod Method, string Url, string Body)[]
        {
            (admin, HttpMethod.Post, "/api/v1/states/LAO/authorities", "null"),
            (admin, HttpMethod.Post, "/api/v1/states/LAO/authorities", "{\"kind\":\"central-authority\",\"phones\":[null],\"languages\":[null,1]}"),
            (admin, HttpMethod.Post, "/api/v1/states/LAO/authorities", "{\"kind\":\"point-of-contact\",\"name\":\"Desk\",\"phones\":[null],"
                + "\"languages\":[null],\"timeZone\":\"Asia/Vientiane\",\"aroundTheClock\":true}"),
            (admin, HttpMethod.Put, "/api/v1/states/LAO/profile",
                "{\"status\":\"none\",\"acceptedLanguages\":[null],\"politicalOffenceTerms\":[null]}"),
            (admin, HttpMethod.Put, "/api/v1/states/LAO/profile", "{\"status\":\"none\",\"emergencyAcknowledgementHours\":1e308}"),
            (admin, HttpMethod.Put, "/api/v1/states/LAO/profile", "{\"status\":[],\"signedOn\":\"99999-01-01\"}"),
            (admin, HttpMethod.Put, "/api/v1/states/LAO/profile",
                "{\"status\":\"none\",\"acceptedLanguages\":[\"en\"],\"expectedVersion\":2147483648}"),
            (admin, HttpMethod.Post, "/api/v1/states/LAO/profile/confirm", "{\"expectedVersion\":-2147483648}"),
            (secretariat, HttpMethod.Post, "/api/v1/states/LAO/flags", "{\"note\":null}"),
            (secretariat, HttpMethod.Post, "/api/v1/states/LAO/flags", "{\"note\":12}"),
            (secretariat, HttpMethod.Post, "/api/v1/verification/rounds", "{\"responseHours\":\"NaN\"}"),
            (secretariat, HttpMethod.Post, "/api/v1/verification/rounds", "{\"message\":[null]}"),
        };
        foreach (var (client, method, url, body) in sends)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = Json(body) });
            Assert.True((int)response.StatusCode is >= 400 and < 500,
                $"{method} {url} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await StoredRows.SnapshotAsync(app, StoredRows.Network));
    }

    public static TheoryData<Db, string> OddQueries()
    {
        var urls = new[]
        {
            "/api/v1/states?on=%00", "/api/v1/states?on=99999-12-31", "/api/v1/states?lang=%00", "/api/v1/states/%01",
            "/api/v1/states/FRA?on=0001-01-01", "/api/v1/states/%E2%80%AE/profile", "/api/v1/states/FRA/profile?lang=%00",
            "/api/v1/states/FRA/authorities/not-a-guid", "/api/v1/states/FRA/profile/versions/2147483648",
            "/api/v1/register?q=%00", "/api/v1/register?region=%00&kind=%00&language=%00", "/api/v1/register?aroundTheClock=%00",
            "/api/v1/register/csv?q=a%00b", "/api/v1/verification/checks?lang=%00",
            "/states?q=%00&region=%00", "/register?q=%00&kind=%00&language=%00&region=%00", "/register/print?q=%00&kind=%00",
            "/states/%01/profile", "/states/FRA/profile?done=%00", "/states/%E2%80%AE/profile/versions",
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
        var app = fixture.App(db);
        foreach (var client in new[] { app.Anonymous(), app.ClientFor("FRA", Roles.StateAdministrator), app.ClientFor(null, Roles.Secretariat) })
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
