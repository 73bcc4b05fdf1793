using System.Net;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Trust;

/// <summary>Malformed, oversized or mistyped input gets a problem detail, never a 500, and changes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class BadInputTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task MalformedJson_IsBadRequest(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.StateAdministrator);
        var before = await TokensOf(client);
        var response = await client.PostAsync("/api/v1/tokens", new StringContent("{\"name\": \"x\", roles: [", Encoding.UTF8, "application/json"));
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await TokensOf(client));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WrongContentType_IsUnsupportedMediaType(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.StateAdministrator);
        var before = await TokensOf(client);
        var response = await client.PostAsync("/api/v1/tokens", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await TokensOf(client));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task OversizedJson_IsPayloadTooLarge(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.StateAdministrator);
        var big = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"roles\":[\"delegate\"]}";
        var before = await TokensOf(client);
        var response = await client.PostAsync("/api/v1/tokens", new StringContent(big, Encoding.UTF8, "application/json"));
        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await TokensOf(client));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WrongJsonTypes_AreBadRequest(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.StateAdministrator);
        var before = await TokensOf(client);
        var response = await client.PostAsync("/api/v1/tokens",
            new StringContent("{\"name\": 12, \"roles\": \"x\"}", Encoding.UTF8, "application/json"));
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await TokensOf(client));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UnknownApiPath_IsProblemNotFound(Db db)
    {
        await fixture.App(db).Anonymous().GetAsync("/api/v1/nothing-here").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WrongRouteValue_IsProblemNotFound(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.StateAdministrator);
        var before = await TokensOf(client);
        await client.DeleteAsync("/api/v1/tokens/not-a-guid").ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await TokensOf(client));
    }

    [Fact]
    public async Task UnknownPage_ShowsLocalisedErrorPage()
    {
        var client = fixture.App(Db.Sqlite).Anonymous();
        var response = await client.GetAsync("/no/such/page?lang=fr");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("La page demandée n'existe pas", System.Net.WebUtility.HtmlDecode(html));
    }

    /// <summary>The State's tokens as the API lists them: a refused write must leave them exactly as they were.</summary>
    private static async Task<string> TokensOf(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
