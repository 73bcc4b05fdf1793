using System.Net;
using System.Net.Http.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Network;

[Collection(AppCollection.Name)]
public sealed class ProfileApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task GetProfile_StateWithoutProfile_GivesTheDefaults(Db db)
    {
        var body = await fixture.App(db).Anonymous().GetAsync("/api/v1/states/isl/profile?lang=fr").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("ISL", body.GetProperty("state").GetString());
        Assert.Equal("Islande", body.GetProperty("name").GetString());
        Assert.False(body.GetProperty("recorded").GetBoolean());
        Assert.Equal(["en", "fr", "es"],
            body.GetProperty("declarations").GetProperty("acceptedLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(8, body.GetProperty("declarations").GetProperty("emergencyAcknowledgementHours").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_ByItsAdministrator_SavesAndKeepsTheEarlierVersionReadable(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("NOR", Roles.StateAdministrator);
        var first = await admin.PutAsJsonAsync("/api/v1/states/NOR/profile",
            NetworkSamples.Profile(languages: ["en"])).ExpectAsync(HttpStatusCode.OK);
        var version = first.GetProperty("version").GetInt32();
        var second = await admin.PutAsJsonAsync("/api/v1/states/NOR/profile",
            NetworkSamples.Profile("party", "2025-10-25", "2026-03-02", expectedVersion: version, languages: ["en",
                "no"])).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, second.GetProperty("version").GetInt32());
        Assert.Equal("party", second.GetProperty("status").GetString());

        var versions = await admin.GetAsync("/api/v1/states/NOR/profile/versions").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, versions[0].GetProperty("number").GetInt32());
        Assert.Equal("network.profile.update", versions[0].GetProperty("change").GetString());
        var earlier = await admin.GetAsync($"/api/v1/states/NOR/profile/versions/{version}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("signatory", earlier.GetProperty("profile").GetProperty("status").GetString());
        Assert.Equal(["en"],
            earlier.GetProperty("profile").GetProperty("declarations").GetProperty("acceptedLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.False(string.IsNullOrEmpty(earlier.GetProperty("by").GetString()));

        var audit = await app.WithDbAsync(async d => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            d.Set<Entraide.App.Infrastructure.Audit.AuditEntry>(), e => e.Action == "network.profile.update" && e.StateCode == "NOR"));
        Assert.True(audit >= 2, "every change of the profile is audited under the State");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_ByAnotherStatesAdministrator_IsNotFoundAndChangesNothing(Db db)
    {
        var app = fixture.App(db);
        var before = await app.Anonymous().GetAsync("/api/v1/states/FRA/profile").ExpectAsync(HttpStatusCode.OK);
        var intruder = app.ClientFor("BRA", Roles.StateAdministrator);
        await intruder.PutAsJsonAsync("/api/v1/states/FRA/profile", NetworkSamples.Profile("party", "2025-10-25", "2026-01-01"))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        await intruder.PostJsonAsync("/api/v1/states/FRA/authorities", NetworkSamples.Point()).ExpectProblemAsync(HttpStatusCode.NotFound);
        await intruder.GetAsync("/api/v1/states/FRA/profile/versions").ExpectProblemAsync(HttpStatusCode.NotFound);
        var after = await app.Anonymous().GetAsync("/api/v1/states/FRA/profile").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_BySecretariat_IsForbiddenButItReadsAndFlags(Db db)
    {
        var app = fixture.App(db);
        var secretariat = app.ClientFor(null, Roles.Secretariat);
        await secretariat.PutAsJsonAsync("/api/v1/states/GBR/profile", NetworkSamples.Profile()).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await secretariat.PostJsonAsync("/api/v1/states/GBR/authorities", NetworkSamples.Point()).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var versions = await secretariat.GetAsync("/api/v1/states/GBR/profile/versions").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(0, versions.GetArrayLength());

        var flag = await secretariat.PostJsonAsync("/api/v1/states/GBR/flags",
            new { note = "The extradition authority is missing." }).ExpectAsync(HttpStatusCode.Created);
        var admin = app.ClientFor("GBR", Roles.StateAdministrator);
        var flags = await admin.GetAsync("/api/v1/states/GBR/flags").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(flags.GetProperty("flags").EnumerateArray(), f => f.GetProperty("id").GetString() == flag.GetProperty("id").GetString());
        var resolved = await admin.PostJsonAsync($"/api/v1/states/GBR/flags/{flag.GetProperty("id").GetString()}/resolve",
            new { resolution = "Added." })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Added.", resolved.GetProperty("resolution").GetString());
        await admin.PostJsonAsync($"/api/v1/states/GBR/flags/{flag.GetProperty("id").GetString()}/resolve", new { })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "flag-resolved");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_InconsistentStatus_ListsEveryFieldInTheRequestsLanguage(Db db)
    {
        var admin = fixture.App(db).ClientFor("CHL", Roles.StateAdministrator);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var body = await admin.PutAsJsonAsync("/api/v1/states/CHL/profile", new
        {
            status = "party",
            signedOn = "2026-05-01",
            ratifiedOn = "2026-04-01",
            acceptedLanguages = new[] { "español" },
            politicalOffenceTerms = new[] { "illegal-access" },
            emergencyAcknowledgementHours = 0,
        }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(),
            e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("ratified-before-signed", "ratifiedOn"), errors);
        Assert.Contains(("language-code", "acceptedLanguages"), errors);
        Assert.Contains(("core-offence-political", "politicalOffenceTerms"), errors);
        Assert.Contains(("acknowledgement-hours-range", "emergencyAcknowledgementHours"), errors);
        Assert.Contains("Date de ratification ne peut pas précéder", body.GetProperty("detail").GetString());
        await fixture.App(db).Anonymous().GetAsync("/api/v1/states/CHL/profile").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_FromAStaleVersion_IsAConflict(Db db)
    {
        var admin = fixture.App(db).ClientFor("KEN", Roles.StateAdministrator);
        var saved = await admin.PutAsJsonAsync("/api/v1/states/KEN/profile", NetworkSamples.Profile()).ExpectAsync(HttpStatusCode.OK);
        var version = saved.GetProperty("version").GetInt32();
        await admin.PutAsJsonAsync("/api/v1/states/KEN/profile", NetworkSamples.Profile(expectedVersion: version)).ExpectAsync(HttpStatusCode.OK);
        await admin.PutAsJsonAsync("/api/v1/states/KEN/profile", NetworkSamples.Profile("none", null, expectedVersion: version))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "stale-version");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_UnknownState_IsNotFound(Db db)
    {
        var admin = fixture.App(db).ClientFor("FRA", Roles.StateAdministrator);
        await admin.PutAsJsonAsync("/api/v1/states/ZZZ/profile", NetworkSamples.Profile()).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateProfile_UnreadableBody_IsABadRequest(Db db)
    {
        var admin = fixture.App(db).ClientFor("KEN", Roles.StateAdministrator);
        using var content = new StringContent("{\"status\": ", System.Text.Encoding.UTF8, "application/json");
        await admin.PutAsync("/api/v1/states/KEN/profile", content).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CooperationProfile_ReadsTheDeclarationsInForce(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("SEN", Roles.StateAdministrator);
        await admin.PutAsJsonAsync("/api/v1/states/SEN/profile", NetworkSamples.Profile(languages: ["fr", "en"])).ExpectAsync(HttpStatusCode.OK);
        await NetworkSamples.CreateAuthorityAsync(app, "SEN", NetworkSamples.Point("Sénégal 24/7", "Africa/Dakar"));
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var profiles = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Entraide.App.Network.IStateProfiles>(scope.ServiceProvider);
        var p = await profiles.GetCooperationProfileAsync("SEN", CancellationToken.None);
        Assert.Equal(["fr", "en"], p.AcceptedLanguages);
        Assert.True(p.RequiresDualCriminality);
        Assert.Equal(TimeSpan.FromHours(6), p.EmergencyAcknowledgementTime);
        Assert.Contains(p.PointsOfContact, c => c.Name == "Sénégal 24/7" && c.TimeZone == "Africa/Dakar" && c.AroundTheClock);
        var fallback = await profiles.GetCooperationProfileAsync("TUV", CancellationToken.None);
        Assert.Equal(["en", "fr", "es"], fallback.AcceptedLanguages);
        Assert.Equal(TimeSpan.FromHours(8), fallback.EmergencyAcknowledgementTime);
        Assert.False(fallback.RequiresDualCriminalityForPreservation);
    }
}
