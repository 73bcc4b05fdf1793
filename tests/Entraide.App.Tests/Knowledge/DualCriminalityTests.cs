using System.Net;
using System.Text.Json;
using Entraide.App.Knowledge;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class DualCriminalityTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Check_CoveredInBoth_IsCriminalInBoth_CitingEachSide(Db db)
    {
        var app = fixture.App(db);
        await Laws.IllegalAccessAsync(app, "ARG", 72, "es");
        await Laws.IllegalAccessAsync(app, "CHL", 60, "es");
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?terms=illegal-access&requesting=ARG&requested=CHL")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("CriminalInBoth", body.GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("seriousCrimeInBoth").GetBoolean());
        var term = Assert.Single(body.GetProperty("terms").EnumerateArray());
        Assert.Contains(term.GetProperty("requestingState").EnumerateArray(),
            c => c.GetProperty("state").GetString() == "ARG" && c.GetProperty("maxPenaltyMonths").GetInt32() == 72);
        Assert.Contains(term.GetProperty("requestedState").EnumerateArray(), c => c.GetProperty("state").GetString() == "CHL");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_ConductWithNoProvisionRecordedInRequestingState_IsUnknownNotOnlyInRequested(Db db)
    {
        var app = fixture.App(db);
        await Laws.IllegalAccessAsync(app, "ECU", 36, "es");
        await Laws.CreateAsync(app, "BOL", "Código Penal " + Guid.NewGuid().ToString("N")[..4], "es",
            Laws.Version("es", "2010-01-01", Laws.Provision("art_363bis", "Manipulación informática.", [OffenceTerms.ComputerFraud], 60)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?terms=computer-fraud&requesting=ECU&requested=BOL")
            .ExpectAsync(HttpStatusCode.OK);
        // ECU's laws are recorded, but none covers fraud: a silence of excerpts, not a declaration that fraud is lawful.
        Assert.Equal("Unknown", body.GetProperty("outcome").GetString());
        var term = Assert.Single(body.GetProperty("terms").EnumerateArray());
        Assert.Equal("no-provision-recorded", term.GetProperty("requestingCoverage").GetString());
        Assert.Equal("covered", term.GetProperty("requestedCoverage").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_SomeConductsWithNoProvision_HeadlineIsUnknown_AndThePenaltyLineCitesTheProvision(Db db)
    {
        var app = fixture.App(db);
        await Laws.CreateAsync(app, "URY", "Código Penal " + Guid.NewGuid().ToString("N")[..4], "es",
            Laws.Version("es", "2010-01-01", Laws.Provision("art_1", "Acceso ilícito.", [OffenceTerms.IllegalAccess], 60),
                Laws.Provision("art_2", "Daño informático.", [OffenceTerms.DataInterference], 96)));
        await Laws.CreateAsync(app, "VEN", "Ley Especial " + Guid.NewGuid().ToString("N")[..4], "es",
            Laws.Version("es", "2010-01-01", Laws.Provision("art_6", "Acceso indebido.", [OffenceTerms.IllegalAccess], 72),
                Laws.Provision("art_7", "Sabotaje.", [OffenceTerms.DataInterference], 84)));
        var url = "/api/v1/knowledge/dual-criminality?requesting=URY&requested=VEN"
            + "&terms=illegal-access&terms=data-interference&terms=grooming&terms=intimate-images";
        var body = await app.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Unknown", body.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("seriousCrimeInBoth").ValueKind);
        var outcomes = body.GetProperty("terms").EnumerateArray().ToDictionary(t => t.GetProperty("term").GetString()!,
            t => t.GetProperty("outcome").GetString());
        Assert.Equal("CriminalInBoth", outcomes["illegal-access"]);
        Assert.Equal("Unknown", outcomes["grooming"]);

        var both = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?requesting=URY&requested=VEN"
            + "&terms=illegal-access&terms=data-interference").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("CriminalInBoth", both.GetProperty("outcome").GetString());
        Assert.True(both.GetProperty("seriousCrimeInBoth").GetBoolean());
        Assert.EndsWith("art_2", both.GetProperty("requestingPenalty").GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Equal(96, both.GetProperty("requestingPenalty").GetProperty("maxPenaltyMonths").GetInt32());
        Assert.Equal(84, both.GetProperty("requestedPenalty").GetProperty("maxPenaltyMonths").GetInt32());

        // The page says the same: the headline is the rows' conjunction, the penalty line names its provision.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await app.Anonymous().GetStringAsync(url.Replace("/api/v1/knowledge", "/knowledge", StringComparison.Ordinal) + "&lang=en"));
        Assert.Equal("Unknown", page.QuerySelector("[data-testid=dual-answer]")!.GetAttribute("data-outcome"));
        Assert.Contains("2 of 4 conducts", page.QuerySelector("[data-testid=dual-count]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Unknown", page.QuerySelector("tr[data-term=grooming]")!.GetAttribute("data-outcome"));
        Assert.Contains("Unknown — no provision recorded", page.QuerySelector("tr[data-term=grooming]")!.TextContent, StringComparison.Ordinal);
        var bothPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await app.Anonymous()
            .GetStringAsync("/knowledge/dual-criminality?requesting=URY&requested=VEN&terms=illegal-access&terms=data-interference&lang=en"));
        var penalty = bothPage.QuerySelector("[data-testid=penalty-requesting]")!.TextContent;
        Assert.Contains("96 months", penalty, StringComparison.Ordinal);
        Assert.Contains("art_2", penalty, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_StateWithNoRecordedLaw_IsUnknown(Db db)
    {
        var app = fixture.App(db);
        await Laws.IllegalAccessAsync(app, "PRY", 36, "es");
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?terms=illegal-access&requesting=PRY&requested=TUV")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Unknown", body.GetProperty("outcome").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_UnknownTermOrState_IsAProblemNamingTheField(Db db)
    {
        var client = fixture.App(db).Anonymous();
        await client.GetAsync("/api/v1/knowledge/dual-criminality?terms=jaywalking&requesting=FRA&requested=CHN")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-term");
        var problem = await client.GetAsync("/api/v1/knowledge/dual-criminality?terms=illegal-access&requesting=FRA&requested=XXX")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-state");
        Assert.Equal("requested", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        await client.GetAsync("/api/v1/knowledge/dual-criminality?requesting=FRA&requested=CHN")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Service_AsCooperationCallsIt_JudgesOnTheDateGiven(Db db)
    {
        var app = fixture.App(db);
        await Laws.IllegalAccessAsync(app, "VEN", 48, "es");
        await Laws.IllegalAccessAsync(app, "CRI", 48, "es");
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<IDualCriminality>();
        var now = await service.CheckAsync(new DualCriminalityQuestion([OffenceTerms.IllegalAccess], "VEN", "CRI"), CancellationToken.None);
        Assert.Equal(DualCriminalityOutcome.CriminalInBoth, now.Outcome);
        // Both laws date from 2010: in 2005 nothing was recorded for either State.
        var before = await service.CheckAsync(new DualCriminalityQuestion([OffenceTerms.IllegalAccess], "VEN", "CRI", new DateOnly(2005, 1, 1)),
            CancellationToken.None);
        Assert.Equal(DualCriminalityOutcome.Unknown, before.Outcome);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GapAnalysis_CountsCoveredCoreOffencesAndProceduralPowers(Db db)
    {
        var app = fixture.App(db);
        await Laws.CreateAsync(app, "GHA", "Cybersecurity Act " + Guid.NewGuid().ToString("N")[..4], "en",
            Laws.Version("en", "2020-12-29",
                Laws.Provision("s_1", "Unauthorised access.", [OffenceTerms.IllegalAccess], 60),
                Laws.Provision("s_2", "Interference with a system.", [OffenceTerms.SystemInterference]),
                Laws.Provision("s_3", "Preservation order.", [ProceduralPowers.Preservation])));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/states/GHA/gaps").ExpectAsync(HttpStatusCode.OK);
        var chapters = body.GetProperty("chapters").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!);
        Assert.True(chapters["core"].GetProperty("covered").GetInt32() >= 2);
        Assert.Equal(12, chapters["core"].GetProperty("total").GetInt32());
        Assert.True(chapters["procedural"].GetProperty("covered").GetInt32() >= 1);
        var interference = chapters["core"]
            .GetProperty("terms")
            .EnumerateArray()
            .Single(t => t.GetProperty("term").GetString() == OffenceTerms.SystemInterference);
        Assert.True(interference.GetProperty("penaltyMissing").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_UnknownState_IsAProblem(Db db) =>
        await fixture.App(db).Anonymous().GetAsync("/api/v1/knowledge/states/XXX/profile").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "unknown-state");
}
