using System.Net;
using System.Net.Http.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Network;

[Collection(AppCollection.Name)]
public sealed class AuthorityApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task GetProfile_Public_NeverSeesAPointsPhoneButAuthoritiesDo(Db db)
    {
        var app = fixture.App(db);
        var point = await NetworkSamples.CreateAuthorityAsync(app, "DNK", NetworkSamples.Point("Danish 24/7 desk", "Europe/Copenhagen"));
        var id = point.GetProperty("id").GetString();

        var publicBody = await app.Anonymous().GetStringAsync("/api/v1/states/DNK/profile");
        Assert.Contains("Danish 24/7 desk", publicBody, StringComparison.Ordinal);
        Assert.DoesNotContain("+47 23 20 80 00", publicBody, StringComparison.Ordinal);
        Assert.DoesNotContain("desk247@police.example", publicBody, StringComparison.Ordinal);
        var publicOne = await app.Anonymous().GetAsync($"/api/v1/states/DNK/authorities/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, publicOne.GetProperty("phones").ValueKind);

        // A delegate of another State is the public as far as contacts go; its central authority is not.
        var delegateBody = await app.ClientFor("BRA", Roles.Delegate).GetStringAsync("/api/v1/states/DNK/profile");
        Assert.DoesNotContain("+47 23 20 80 00", delegateBody, StringComparison.Ordinal);
        var authority = await app.ClientFor("BRA",
            Roles.CentralAuthority).GetAsync($"/api/v1/states/DNK/authorities/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("+47 23 20 80 00", authority.GetProperty("phones")[0].GetString());
        Assert.Equal("desk247@police.example", authority.GetProperty("email").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, authority.GetProperty("visibility").ValueKind);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateAuthority_PointWithPublicPhone_IsRefusedUnderArticle41(Db db)
    {
        var admin = fixture.App(db).ClientFor("FIN", Roles.StateAdministrator);
        var body = await admin.PostJsonAsync("/api/v1/states/FIN/authorities", NetworkSamples.Point(phonesPublic: true))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "poc-phone-public");
        var error = body.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "poc-phone-public");
        Assert.Equal("41", error.GetProperty("article").GetString());
        Assert.Equal("phonesPublic", error.GetProperty("field").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateAuthority_BadZoneHoursAndPhone_AreAllReported(Db db)
    {
        var admin = fixture.App(db).ClientFor("FIN", Roles.StateAdministrator);
        var body = await admin.PostJsonAsync("/api/v1/states/FIN/authorities", new
        {
            kind = "central-authority",
            name = "Ministry of Justice",
            phones = new[] { "09 160 03" },
            timeZone = "Europe/Helsinky",
            officeHours = "monday 8-16",
            preferredChannel = "platform",
        }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var fields = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("phones", fields);
        Assert.Contains("timeZone", fields);
        Assert.Contains("officeHours", fields);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateAndDeleteAuthority_KeepEachStepInTheVersions(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("EST", Roles.StateAdministrator);
        var created = await NetworkSamples.CreateAuthorityAsync(app, "EST", NetworkSamples.Point("Estonian desk", "Europe/Tallinn"));
        var id = created.GetProperty("id").GetString();
        var updated = await admin.PutAsJsonAsync($"/api/v1/states/EST/authorities/{id}", new
        {
            kind = "point-of-contact",
            name = "Estonian cybercrime desk",
            phones = new[] { "+372 612 3000" },
            languages = new[] { "et", "en", "ru" },
            officeHours = "mon-fri 08:00-17:00",
            timeZone = "Europe/Tallinn",
            preferredChannel = "phone",
            aroundTheClock = false,
            expectedVersion = created.GetProperty("version").GetInt32(),
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(5, updated.GetProperty("officeSlots").GetArrayLength());

        await admin.PutAsJsonAsync($"/api/v1/states/EST/authorities/{id}", new
        {
            kind = "point-of-contact",
            name = "Stale",
            phones = new[] { "+372 612 3000" },
            timeZone = "Europe/Tallinn",
            preferredChannel = "phone",
            aroundTheClock = true,
            expectedVersion = 1,
        }).ExpectProblemAsync(HttpStatusCode.Conflict, "stale-version");

        await admin.DeleteAsync($"/api/v1/states/EST/authorities/{id}").ExpectAsync(HttpStatusCode.NoContent);
        await app.Anonymous().GetAsync($"/api/v1/states/EST/authorities/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);

        var versions = await admin.GetAsync("/api/v1/states/EST/profile/versions").ExpectAsync(HttpStatusCode.OK);
        var changes = versions.EnumerateArray().Select(v => v.GetProperty("change").GetString()).Take(3).ToList();
        Assert.Equal(["network.authority.delete", "network.authority.update", "network.authority.create"], changes);
        var beforeDelete = versions[1].GetProperty("number").GetInt32();
        var old = await admin.GetAsync($"/api/v1/states/EST/profile/versions/{beforeDelete}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(old.GetProperty("profile").GetProperty("authorities").EnumerateArray(),
            a => a.GetProperty("name").GetString() == "Estonian cybercrime desk");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DeleteAuthority_OfAnotherState_IsNotFoundAndKeepsIt(Db db)
    {
        var app = fixture.App(db);
        var created = await NetworkSamples.CreateAuthorityAsync(app, "LVA", NetworkSamples.Central("Latvian central authority"));
        var id = created.GetProperty("id").GetString();
        await app.ClientFor("BRA",
            Roles.StateAdministrator).DeleteAsync($"/api/v1/states/LVA/authorities/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        // The record is not found under another State's code either, even for its own administrator.
        await app.ClientFor("BRA",
            Roles.StateAdministrator).DeleteAsync($"/api/v1/states/BRA/authorities/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await app.Anonymous().GetAsync($"/api/v1/states/LVA/authorities/{id}").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateAuthority_ByPointOfContact_IsForbidden(Db db)
    {
        var poc = fixture.App(db).ClientFor("LTU", Roles.PointOfContact);
        await poc.PostJsonAsync("/api/v1/states/LTU/authorities", NetworkSamples.Point()).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }
}
