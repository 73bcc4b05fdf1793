using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// Every request type cites the UN Convention article the platform applies; another instrument appears only as a
/// labelled cross-reference.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RequestCatalogueTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Types_CiteConventionArticles_AndEmergencyCrossReferencesTheSecondProtocol(Db db)
    {
        var types = await fixture.App(db).ClientFor("FRA", Roles.CentralAuthority).GetAsync("/api/v1/requests/types")
            .ExpectAsync(HttpStatusCode.OK);
        var articles = types.EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("article").GetString());
        // DOMAIN.md, "Request types and what the texts require".
        Assert.Equal(new Dictionary<string, string?>
        {
            ["mla"] = "40",
            ["preservation"] = "42",
            ["traffic-data"] = "43",
            ["stored-data"] = "44",
            ["emergency"] = "41",
            ["spontaneous"] = "40",
        }, articles);
        var emergency = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "emergency");
        Assert.All(emergency.GetProperty("fields").EnumerateArray(), f => Assert.Equal("41", f.GetProperty("article").GetString()));
        var cross = emergency.GetProperty("crossReference");
        Assert.Equal("budapest-second-protocol", cross.GetProperty("instrument").GetString());
        Assert.Equal("9–10", cross.GetProperty("articles").GetString());
        Assert.All(types.EnumerateArray().Where(t => t.GetProperty("code").GetString() != "emergency"),
            t => Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("crossReference").ValueKind));
    }
}
