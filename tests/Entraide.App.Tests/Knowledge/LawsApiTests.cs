using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class LawsApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task CreateLaw_AsStateAdministrator_IsPublicToRead(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "CAN", "Criminal Code, s. 342.1", "en",
            Laws.Version("en", "2014-12-09", Laws.Provision("s_342-1", "Unauthorized use of computer.", [OffenceTerms.IllegalAccess], 120)),
            Laws.Version("fr", "2014-12-09", Laws.Provision("s_342-1", "Utilisation non autorisée d’ordinateur.", [OffenceTerms.IllegalAccess],
                120)));

        var anonymous = app.Anonymous();
        var list = await anonymous.GetAsync("/api/v1/knowledge/laws?state=CAN").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
        var law = await anonymous.GetAsync($"/api/v1/knowledge/laws/{id}?lang=fr").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("fr", law.GetProperty("shown").GetProperty("language").GetString());
        var provision = Assert.Single(law.GetProperty("provisions").EnumerateArray());
        Assert.Equal("Utilisation non autorisée d’ordinateur.", provision.GetProperty("text").GetString());
        Assert.True(provision.GetProperty("serious").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateLaw_ForAnotherState_IsRefusedAndNothingStored(Db db)
    {
        var app = fixture.App(db);
        var title = "Foreign law " + Guid.NewGuid();
        var response = await app.ClientFor("FRA", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/laws",
            Laws.Law("BRA", title, "en", Laws.Version("en", "2020-01-01", Laws.Provision("a1", "Text.", [OffenceTerms.IllegalAccess]))));
        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var list = await app.Anonymous().GetAsync("/api/v1/knowledge/laws?state=BRA").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), l => l.GetProperty("title").GetString() == title);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateLaw_AsInvestigator_IsForbidden(Db db)
    {
        var response = await fixture.App(db).ClientFor("FRA", Roles.Investigator).PostJsonAsync("/api/v1/knowledge/laws",
            Laws.Law("FRA", "Any", "fr", Laws.Version("fr", "2020-01-01", Laws.Provision("a1", "Texte.", [OffenceTerms.IllegalAccess]))));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateLaw_AsSecretariat_CuratesAnyState(Db db)
    {
        var body = await fixture.App(db).ClientFor(null, Roles.Secretariat).PostJsonAsync("/api/v1/knowledge/laws",
            Laws.Law("KEN", "Computer Misuse and Cybercrimes Act", "en", Laws.Version("en", "2018-05-16", Laws.Provision("s_14",
                "Unauthorised access.", [OffenceTerms.IllegalAccess], 60))))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("KEN", body.GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateLaw_WithManyMistakes_ListsEveryOneAndStoresNothing(Db db)
    {
        var app = fixture.App(db);
        var title = "Bad law " + Guid.NewGuid();
        var response = await app.ClientFor("FRA", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/laws",
            Laws.Law("FRA", title, "fr", Laws.Version("fr", "2020-01-01",
                Laws.Provision("a1", "Texte.", ["no-such-conduct"]),
                Laws.Provision("a1", "Texte.", [OffenceTerms.IllegalAccess], max: 12, min: 24),
                Laws.Provision("a3", "Texte.", [ProceduralPowers.Interception], max: 12))));
        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("unknown-term", codes);
        Assert.Contains("duplicate-eid", codes);
        Assert.Contains("penalty-min-above-max", codes);
        Assert.Contains("penalty-not-offence", codes);
        var list = await app.Anonymous().GetAsync("/api/v1/knowledge/laws?state=FRA").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), l => l.GetProperty("title").GetString() == title);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Amendment_KeepsHistory_AndTheLawReadsAsOnTheDateAsked(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "BEL", "Code pénal, art. 550bis", "fr",
            Laws.Version("fr", "2001-02-13", Laws.Provision("art_550bis", "Accès non autorisé : trois mois à un an.", [OffenceTerms.IllegalAccess],
                12, 3)));
        await app.ClientFor("BEL", Roles.StateAdministrator).PostJsonAsync($"/api/v1/knowledge/laws/{id}/versions",
            Laws.Version("fr", "2017-01-01", Laws.Provision("art_550bis", "Accès non autorisé : six mois à deux ans.",
                [OffenceTerms.IllegalAccess], 24, 6)))
            .ExpectAsync(HttpStatusCode.OK);

        var client = app.Anonymous();
        var before = await client.GetAsync($"/api/v1/knowledge/laws/{id}?on=2010-06-01").ExpectAsync(HttpStatusCode.OK);
        var after = await client.GetAsync($"/api/v1/knowledge/laws/{id}?on=2020-06-01").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(12, before.GetProperty("provisions")[0].GetProperty("penaltyMaxMonths").GetInt32());
        Assert.Equal(24, after.GetProperty("provisions")[0].GetProperty("penaltyMaxMonths").GetInt32());
        Assert.Equal(2, after.GetProperty("expressions").GetArrayLength());

        // The profile follows the date too: before 2001 Belgium's law was not in force.
        var profile = await client.GetAsync("/api/v1/knowledge/states/BEL/profile?on=2000-01-01").ExpectAsync(HttpStatusCode.OK);
        Assert.False(profile.GetProperty("legislationRecorded").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AddVersion_ToAnotherStatesLaw_AnswersAsMissing(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.IllegalAccessAsync(app, "FRA", 36);
        var version = Laws.Version("en", "2021-01-01", Laws.Provision("s_1", "Changed.", [OffenceTerms.IllegalAccess], 12));
        var foreign = await app.ClientFor("BRA", Roles.StateAdministrator).PostJsonAsync($"/api/v1/knowledge/laws/{id}/versions", version);
        var missing = await app.ClientFor("BRA", Roles.StateAdministrator).PostJsonAsync($"/api/v1/knowledge/laws/{Guid.NewGuid()}/versions",
            version);
        await foreign.ExpectProblemAsync(HttpStatusCode.NotFound);
        await missing.ExpectProblemAsync(HttpStatusCode.NotFound);
        var law = await app.Anonymous().GetAsync($"/api/v1/knowledge/laws/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, law.GetProperty("expressions").GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Repeal_KeepsTheOldLawReadable_AndRefusesLaterChanges(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.IllegalAccessAsync(app, "PRT", 36);
        var admin = app.ClientFor("PRT", Roles.StateAdministrator);
        await admin.PostJsonAsync($"/api/v1/knowledge/laws/{id}/repeal", new { on = "2022-01-01" }).ExpectAsync(HttpStatusCode.OK);

        var client = app.Anonymous();
        var after = await client.GetAsync($"/api/v1/knowledge/laws/{id}?on=2023-01-01").ExpectAsync(HttpStatusCode.OK);
        Assert.True(after.GetProperty("repealedOnDate").GetBoolean());
        Assert.Equal(0, after.GetProperty("provisions").GetArrayLength());
        var before = await client.GetAsync($"/api/v1/knowledge/laws/{id}?on=2015-01-01").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, before.GetProperty("provisions").GetArrayLength());

        await admin.PostJsonAsync($"/api/v1/knowledge/laws/{id}/repeal", new { on = "2023-01-01" }).ExpectProblemAsync(HttpStatusCode.Conflict,
            "already-repealed");
        await admin.PostJsonAsync($"/api/v1/knowledge/laws/{id}/versions",
            Laws.Version("en", "2022-06-01", Laws.Provision("s_1", "Too late.",
                [OffenceTerms.IllegalAccess]))).ExpectProblemAsync(HttpStatusCode.Conflict, "after-repeal");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Repeal_WithoutDate_IsAProblem(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.IllegalAccessAsync(app, "PRT", 36);
        await app.ClientFor("PRT", Roles.StateAdministrator).PostJsonAsync($"/api/v1/knowledge/laws/{id}/repeal", new { })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Taxonomy_IsPublic_WithLabelsInTheLanguageAsked(Db db)
    {
        var body = await fixture.App(db).Anonymous().GetAsync("/api/v1/knowledge/taxonomy?lang=zh").ExpectAsync(HttpStatusCode.OK);
        var access = body.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("code").GetString() == OffenceTerms.IllegalAccess);
        Assert.Equal("非法访问", access.GetProperty("label").GetString());
        Assert.Equal("7", access.GetProperty("article").GetString());
    }
}
