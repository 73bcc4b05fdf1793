using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Entraide.App.Knowledge;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Network;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Knowledge;

/// <summary>
/// The criminalisation profile, gap analysis and dual-criminality check merge the optional categories a
/// State declares in its register profile (Network) with the evidence of its provisions.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeclaredProfileTests(AppFixture fixture)
{
    /// <summary>Saves the State's register profile declaring the given optional categories.</summary>
    private static Task DeclareAsync(TestApp app, string state, params string[] categories) => DeclareAsync(app, state, categories, []);

    /// <summary>Saves the State's register profile declaring categories criminalised and others not criminalised.</summary>
    private static async Task DeclareAsync(TestApp app, string state, string[] categories, string[] notCriminalised)
    {
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        var current = await admin.GetAsync($"/api/v1/states/{state}/profile").ExpectAsync(HttpStatusCode.OK);
        var body = new
        {
            status = "signatory",
            signedOn = "2025-10-25",
            ratifiedOn = (string?)null,
            requiresDualCriminalityForPreservation = false,
            requiresDualCriminality = true,
            politicalOffenceTerms = Array.Empty<string>(),
            acceptedLanguages = new[] { "en", "fr" },
            acceptsUrgentRequestsOrally = false,
            acceptsUrgentRequestsByEmail = false,
            criminalisedOptionalCategories = categories,
            notCriminalisedOptionalCategories = notCriminalised,
            emergencyAcknowledgementHours = 8,
            notes = (string?)null,
            expectedVersion = current.GetProperty("version").GetInt32(),
        };
        await admin.PutAsJsonAsync($"/api/v1/states/{state}/profile", body).ExpectAsync(HttpStatusCode.OK);
    }

    private static JsonElement Term(JsonElement coverage, string kind, string term) =>
        coverage.GetProperty("chapters").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind)
            .GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == term);

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_DeclaredCategoryWithoutProvision_IsDeclared_AndCategoriesWithoutATermAreListedApart(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "LKA", OffenceCategories.Terrorism, OffenceCategories.Gambling);
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/states/LKA/profile").ExpectAsync(HttpStatusCode.OK);

        var terrorism = Term(body, "optional", OptionalTerms.TerroristUse);
        Assert.Equal("declared", terrorism.GetProperty("coverage").GetString());
        Assert.Equal([OffenceCategories.Terrorism], terrorism.GetProperty("declared").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(terrorism.GetProperty("evidence").EnumerateArray());
        // Nothing of LKA's legislation is recorded: what it does not declare stays unknown, not "not criminal".
        Assert.Equal("unknown", Term(body, "optional", OptionalTerms.Copyright).GetProperty("coverage").GetString());
        Assert.Equal("unknown", Term(body, "core", OffenceTerms.IllegalAccess).GetProperty("coverage").GetString());

        var declaration = body.GetProperty("declaration");
        Assert.True(declaration.GetProperty("applied").GetBoolean());
        Assert.True(declaration.GetProperty("profileVersion").GetInt32() >= 1);
        Assert.Equal([OffenceCategories.Gambling], declaration.GetProperty("outsideTaxonomy").EnumerateArray().Select(e => e.GetString()));
        var optional = body.GetProperty("chapters").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "optional");
        Assert.Equal(1, optional.GetProperty("declared").GetInt32());
        Assert.Equal(0, optional.GetProperty("covered").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_OnAnEarlierDate_ShowsTheDeclarationButDoesNotApplyIt(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "LKA", OffenceCategories.Terrorism, OffenceCategories.Gambling);
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/states/LKA/profile?on=2015-01-01").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("unknown", Term(body, "optional", OptionalTerms.TerroristUse).GetProperty("coverage").GetString());
        Assert.False(body.GetProperty("declaration").GetProperty("applied").GetBoolean());
        Assert.Contains(OffenceCategories.Terrorism,
            body.GetProperty("declaration").GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_DeclaredAndEvidenced_IsCoveredByTheProvision_AndUndeclaredIsNoProvisionRecorded(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "MAR", OffenceCategories.CopyrightInfringement, OffenceCategories.Terrorism);
        await Laws.CreateAsync(app, "MAR", "Loi relative aux droits d'auteur " + Guid.NewGuid().ToString("N")[..4], "fr",
            Laws.Version("fr", "2012-01-01", Laws.Provision("art_64", "Contrefaçon par un moyen électronique.", [OptionalTerms.Copyright], 48)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/states/MAR/gaps").ExpectAsync(HttpStatusCode.OK);
        var copyright = Term(body, "optional", OptionalTerms.Copyright);
        Assert.Equal("covered", copyright.GetProperty("coverage").GetString());
        Assert.Single(copyright.GetProperty("evidence").EnumerateArray());
        Assert.Equal("declared", Term(body, "optional", OptionalTerms.TerroristUse).GetProperty("coverage").GetString());
        // MAR's legislation is recorded now: an undeclared category without a provision is a gap — unknown, not "not criminalised".
        Assert.Equal("no-provision-recorded", Term(body, "optional", OptionalTerms.IdentityTheft).GetProperty("coverage").GetString());
        Assert.Equal("no-provision-recorded", Term(body, "core", OffenceTerms.Grooming).GetProperty("coverage").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DeclaredNotCriminalised_ShowsInTheGaps_AndRefusesDualCriminality(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "NOR", [OffenceCategories.Terrorism], [OffenceCategories.Extremism, OffenceCategories.IncitementToViolence]);
        await DeclareAsync(app, "KAZ", OffenceCategories.Extremism);
        var gaps = await app.Anonymous().GetAsync("/api/v1/knowledge/states/NOR/gaps").ExpectAsync(HttpStatusCode.OK);
        var hatred = Term(gaps, "optional", OptionalTerms.IncitementToHatred);
        Assert.Equal("declared-not-criminalised", hatred.GetProperty("coverage").GetString());
        Assert.Equal([OffenceCategories.Extremism, OffenceCategories.IncitementToViolence],
            hatred.GetProperty("declaredNotCriminalised").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(OffenceCategories.Extremism,
            gaps.GetProperty("declaration").GetProperty("notCriminalised").EnumerateArray().Select(e => e.GetString()));

        var check = await app.Anonymous()
            .GetAsync("/api/v1/knowledge/dual-criminality?terms=incitement-hatred&terms=terrorist-use&requesting=KAZ&requested=NOR")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("OnlyInRequestingState", check.GetProperty("outcome").GetString());
        var term = check.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == "incitement-hatred");
        Assert.Equal("declared-not-criminalised", term.GetProperty("requestedCoverage").GetString());
        Assert.False(term.GetProperty("requestedDeclaration").GetProperty("criminalised").GetBoolean());

        var page = await new HtmlParser().ParseDocumentAsync(await app.Anonymous()
            .GetStringAsync("/knowledge/states/NOR/gaps"));
        Assert.Equal("declared-not-criminalised",
            page.QuerySelector("[data-testid=chapter-optional] tr[data-term=incitement-hatred]")!.GetAttribute("data-coverage"));
        Assert.NotNull(page.QuerySelector("[data-testid=chapter-optional] tr[data-term=incitement-hatred] [data-testid=declared-not-basis]"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_ACategoryDeclaredBothWays_IsAFieldError(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("ISL", Roles.StateAdministrator);
        var current = await admin.GetAsync("/api/v1/states/ISL/profile").ExpectAsync(HttpStatusCode.OK);
        var problem = await admin.PutAsJsonAsync("/api/v1/states/ISL/profile", new
        {
            status = "none",
            acceptedLanguages = new[] { "en" },
            criminalisedOptionalCategories = new[] { OffenceCategories.Gambling },
            notCriminalisedOptionalCategories = new[] { OffenceCategories.Gambling },
            expectedVersion = current.GetProperty("version").GetInt32(),
        }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "declared-both-ways");
        Assert.Equal("notCriminalisedOptionalCategories", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_DeclaredSide_IsCriminalInBoth_CitingTheDeclaration_WithoutSeriousness(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "LKA", OffenceCategories.Terrorism, OffenceCategories.Gambling);
        await Laws.CreateAsync(app, "TZA", "Prevention of Terrorism Act " + Guid.NewGuid().ToString("N")[..4], "en",
            Laws.Version("en", "2002-01-01", Laws.Provision("s_4", "Use of a computer system for a terrorist act.", [OptionalTerms.TerroristUse],
                180)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?terms=terrorist-use&requesting=TZA&requested=LKA")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("CriminalInBoth", body.GetProperty("outcome").GetString());
        Assert.Equal("covered", body.GetProperty("requestingCoverage").GetString());
        Assert.Equal("declared", body.GetProperty("requestedCoverage").GetString());
        // A declaration states no penalty: whether it is a serious crime on both sides cannot be said.
        Assert.Equal(JsonValueKind.Null, body.GetProperty("seriousCrimeInBoth").ValueKind);
        var term = Assert.Single(body.GetProperty("terms").EnumerateArray());
        Assert.Equal("declared", term.GetProperty("requestedCoverage").GetString());
        Assert.Empty(term.GetProperty("requestedState").EnumerateArray());
        var basis = term.GetProperty("requestedDeclaration");
        Assert.Equal("LKA", basis.GetProperty("state").GetString());
        Assert.Equal([OffenceCategories.Terrorism], basis.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.True(basis.GetProperty("profileVersion").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Null, term.GetProperty("requestingDeclaration").ValueKind);
        Assert.NotEmpty(term.GetProperty("requestingState").EnumerateArray());

        // The other way round, through the contract Cooperation calls.
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<IDualCriminality>();
        var reverse = await service.CheckAsync(new DualCriminalityQuestion([OptionalTerms.TerroristUse], "LKA", "TZA"), CancellationToken.None);
        Assert.Equal(DualCriminalityOutcome.CriminalInBoth, reverse.Outcome);
        Assert.Equal(CoverageNames.Declared, reverse.RequestingCoverage);
        Assert.NotNull(Assert.Single(reverse.Terms).RequestingDeclaration);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_WithdrawnDeclaration_NoLongerCounts(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "NPL", OffenceCategories.IllicitTrafficking);
        var before = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?terms=illicit-trafficking&requesting=NPL&requested=TUV")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("declared", before.GetProperty("requestingCoverage").GetString());
        await DeclareAsync(app, "NPL");
        var after = await app.Anonymous().GetAsync("/api/v1/knowledge/dual-criminality?terms=illicit-trafficking&requesting=NPL&requested=TUV")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("unknown", after.GetProperty("requestingCoverage").GetString());
        Assert.Equal(JsonValueKind.Null, Assert.Single(after.GetProperty("terms").EnumerateArray()).GetProperty("requestingDeclaration").ValueKind);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_ShowTheDeclaredCoverage_AndNoneOfTheStatesPrivateContacts(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "LKA", OffenceCategories.Terrorism, OffenceCategories.Gambling);
        // A point of contact whose e-mail, address and phones are not public.
        await NetworkSamples.CreateAuthorityAsync(app, "LKA", NetworkSamples.Point("Sri Lanka CERT desk", "Asia/Colombo"));
        var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        foreach (var url in new[] { "/knowledge/states/LKA", "/knowledge/states/LKA/gaps" })
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            var page = new HtmlParser().ParseDocument(html);
            var row = page.QuerySelector("[data-testid=chapter-optional] tr[data-term=terrorist-use]")!;
            Assert.Equal("declared", row.GetAttribute("data-coverage"));
            Assert.Contains("Declared criminalised, no provision recorded", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Terrorism-related content", row.QuerySelector("[data-testid=declared-basis]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Illegal online gambling", page.QuerySelector("[data-testid=declared-outside]")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("desk247@police.example", html, StringComparison.Ordinal);
            Assert.DoesNotContain("+47 23 20 80 00", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Nydalen", html, StringComparison.Ordinal);
        }
        var gaps = new HtmlParser().ParseDocument(await (await client.GetAsync("/knowledge/states/LKA/gaps")).Content.ReadAsStringAsync());
        Assert.Contains("1 declared", gaps.QuerySelector("[data-testid=declared-optional]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DualCriminalityPage_DeclaredSide_CitesTheDeclarationInEachLanguage(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "LKA", OffenceCategories.Terrorism);
        foreach (var (lang, expected) in
            new[] { ("fr", "Déclaré au registre"), ("ar", "مُعلَن في السجل"), ("zh", "登记册中声明") })
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
            var response = await client.GetAsync("/knowledge/dual-criminality?requesting=EGY&requested=LKA&terms=terrorist-use");
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var answer = page.QuerySelector("[data-testid=dual-answer]")!;
            Assert.Equal("CriminalInBoth", answer.GetAttribute("data-outcome"));
            Assert.Contains(expected, answer.QuerySelector("td[data-coverage=declared] [data-testid=declared-basis]")!.TextContent,
                StringComparison.Ordinal);
            Assert.NotNull(answer.QuerySelector("[data-testid=declared-only]"));
            Assert.NotNull(answer.QuerySelector("td[data-coverage=covered]"));
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DraftingAssistant_RequestedStateDeclaredOnly_ShowsTheDeclaredBasis(Db db)
    {
        var app = fixture.App(db);
        await DeclareAsync(app, "LKA", OffenceCategories.Terrorism);
        var client = app.ClientFor("EGY", Roles.CentralAuthority);
        var body = new
        {
            type = "mla",
            requestedState = "LKA",
            language = "en",
            confidential = false,
            fields = Cooperation.CooperationTestData.CompleteFields("mla"),
            conductTerms = new[] { OptionalTerms.TerroristUse },
        };
        var draft = await client.PostJsonAsync("/api/v1/requests", body).ExpectAsync(HttpStatusCode.Created);
        var response = await client.GetAsync($"/requests/draft/{draft.GetProperty("id").GetString()}?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 2000)]);
        var page = new HtmlParser().ParseDocument(html);
        var headline = page.QuerySelector("[data-testid=dual-criminality]")!;
        Assert.Equal("CriminalInBoth", headline.GetAttribute("data-outcome"));
        Assert.StartsWith("Every conduct is criminal in both States", headline.TextContent.Trim(), StringComparison.Ordinal);
        var line = page.QuerySelector("p[data-term=terrorist-use]")!.TextContent;
        Assert.Contains("Use of ICT for terrorist purposes", line, StringComparison.Ordinal);
        Assert.Contains("declared in the register, no provision recorded", line, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name=terms][value=terrorist-use][checked]"));
    }
}
