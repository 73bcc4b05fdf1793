using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Entraide.App.Deliberation;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Network;

namespace Entraide.App.Tests.Deliberation;

[Collection(AppCollection.Name)]
public sealed class DraftApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_WarnsOnParagraphs_IsPrivateUntilIssued_ThenRevisedAndCompared(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var fra = app.Delegate("FRA");
        var d = await fra.PostJsonAsync("/api/v1/drafts", new
        {
            title = "Technical assistance",
            language = "en",
            paragraphs = DeliberationCalls.Paragraphs(("preambular", "The Assembly recalls its resolution 65/230,"),
                ("operative", "Requests the Office to continue;")),
        }).ExpectAsync(HttpStatusCode.Created);
        var id = d.GetProperty("id").GetString();
        var paragraphs = d.GetProperty("revision").GetProperty("paragraphs");
        Assert.Contains("preambular-not-participle", paragraphs[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("operative-not-numbered", paragraphs[1].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        await app.Delegate("BRA").GetAsync($"/api/v1/drafts/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await app.Anonymous().GetAsync($"/api/v1/resolutions/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);

        var secretariat = app.Secretariat();
        var symbol = DeliberationCalls.NewSymbol();
        await secretariat.PostJsonAsync($"/api/v1/drafts/{id}/issue", new { symbol = "L.11", version = 0 })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-symbol");
        var issued = await secretariat.PostJsonAsync($"/api/v1/drafts/{id}/issue", new { symbol, version = 0 }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(symbol, issued.GetProperty("symbol").GetString());
        Assert.Equal("issued", issued.GetProperty("status").GetString());

        var co = await app.Delegate("BRA").PostJsonAsync($"/api/v1/drafts/{id}/sponsors", new { }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("BRA", co.GetProperty("coSponsors")[0].GetProperty("state").GetString());
        await app.Delegate("BRA").PostJsonAsync($"/api/v1/drafts/{id}/sponsors", new { state = "USA" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "own-state-only");
        // A co-sponsor does not edit the text: only main sponsors and the secretariat do.
        await app.Delegate("BRA").PostJsonAsync($"/api/v1/drafts/{id}/revisions",
            new { paragraphs = DeliberationCalls.L11, version = co.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(HttpStatusCode.Forbidden);

        var rev = await fra.PostJsonAsync($"/api/v1/drafts/{id}/revisions", new
        {
            paragraphs = DeliberationCalls.Paragraphs(
                ("preambular", "Recalling its resolution 65/230,"),
                ("operative", "1. Requests the Office to continue;"),
                ("operative", "2. Decides to remain seized of the matter.")),
            budgetImplications = "No programme budget implications.",
            version = co.GetProperty("version").GetInt32(),
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(symbol + "/Rev.1", rev.GetProperty("symbol").GetString());
        Assert.All(rev.GetProperty("revision").GetProperty("paragraphs").EnumerateArray(),
            p => Assert.Equal(0, p.GetProperty("warnings").GetArrayLength()));

        var diff = await app.Anonymous().GetAsync($"/api/v1/resolutions/{id}/diff").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["changed", "changed", "added"], diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(symbol, diff.GetProperty("fromSymbol").GetString());

        var akn = await app.Anonymous().GetAsync($"/api/v1/resolutions/{id}/akn");
        var doc = XDocument.Parse(await akn.Content.ReadAsStringAsync());
        Assert.Empty(AkomaNtoso.Validate(doc));
        var statement = doc.Root!.Element(AkomaNtoso.Ns + "statement")!;
        Assert.Equal("resolutionDraft", statement.Attribute("name")!.Value);
        Assert.Equal(2, statement.Descendants(AkomaNtoso.Ns + "paragraph").Count());
        Assert.Contains(statement.Descendants(AkomaNtoso.Ns + "docNumber"), e => e.Value == symbol + "/Rev.1");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_BadInput_IsRefusedWithFields(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var p = await app.Delegate("IND").PostJsonAsync("/api/v1/drafts",
            new { title = "", language = "xx", paragraphs = DeliberationCalls.Paragraphs(("preambular", "Recalling,")) })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var fields = p.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("title", fields);
        Assert.Contains("language", fields);
        Assert.Contains("paragraphs", fields);
    }
}

[Collection(AppCollection.Name)]
public sealed class VoteApiTests(AppFixture fixture)
{
    private static async Task<(string DraftId, string Symbol)> IssuedDraftAsync(ClockedApp app)
    {
        var d = await DeliberationCalls.CreateDraftAsync(app.Delegate("USA"));
        var id = d.GetProperty("id").GetString()!;
        var symbol = DeliberationCalls.NewSymbol();
        await app.Secretariat().PostJsonAsync($"/api/v1/drafts/{id}/issue", new { symbol, version = 0 }).ExpectAsync(HttpStatusCode.OK);
        return (id, symbol);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RecordedVote_ImportCloseFootnote_ReportsInFrenchAndArabic_AndNeverChanges(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var (draftId, symbol) = await IssuedDraftAsync(app);
        var secretariat = app.Secretariat();
        var v = await secretariat.PostJsonAsync("/api/v1/votes", new { draftId, date = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime) })
            .ExpectAsync(HttpStatusCode.Created);
        var id = v.GetProperty("id").GetString();
        Assert.Equal("C.3", v.GetProperty("body").GetString());

        await app.Anonymous().GetAsync($"/api/v1/votes/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);

        var file = "yes\nFRA\nBRA\nMEX\nEGY\nno\nCHN\nabstain\nIND\nZAF\n";
        var bad = await secretariat.PostAsync($"/api/v1/votes/{id}/ballots/import?version=0",
            new StringContent("FRA,yes\nXYZ,no\n", Encoding.UTF8, "text/csv"));
        var problem = await bad.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "ballot-unknown-state");
        Assert.Contains("XYZ", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var imported = await (await secretariat.PostAsync(
            $"/api/v1/votes/{id}/ballots/import?version=0",
            new StringContent(file, Encoding.UTF8, "text/csv")))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, imported.GetProperty("tally").GetProperty("yes").GetInt32());
        var entered = await secretariat.PutAsync($"/api/v1/votes/{id}/ballots",
            new StringContent(
                JsonSerializer.Serialize(new
                {
                    ballots = new Dictionary<string, string> { ["USA"] = "no", ["GBR"] = "abstain" },
                    version = imported.GetProperty("version").GetInt32(),
                }),
                Encoding.UTF8,
                "application/json"));
        var afterEntry = await entered.ExpectAsync(HttpStatusCode.OK);

        var closed = await secretariat.PostJsonAsync($"/api/v1/votes/{id}/close", new { version = afterEntry.GetProperty("version").GetInt32() })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("adopted", closed.GetProperty("outcome").GetString());

        await secretariat.PutAsync($"/api/v1/votes/{id}/ballots",
            new StringContent(
                JsonSerializer.Serialize(new
                {
                    ballots = new Dictionary<string, string> { ["FRA"] = "no" },
                    version = closed.GetProperty("version").GetInt32(),
                }),
                Encoding.UTF8,
                "application/json"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "vote-closed");
        await secretariat.PostJsonAsync($"/api/v1/votes/{id}/footnotes", new { state = "CHN", intended = "no" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "footnote-same-as-ballot");
        await secretariat.PostJsonAsync($"/api/v1/votes/{id}/footnotes", new { state = "IND", intended = "yes" }).ExpectAsync(HttpStatusCode.OK);

        var fr = await app.Anonymous().GetAsync($"/api/v1/votes/{id}/report?lang=fr").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"La Troisième Commission a adopté le projet de résolution {symbol} par 4 voix contre 2, avec 3 abstentions.",
            fr.GetProperty("outcome").GetString());
        var lists = fr.GetProperty("lists").EnumerateArray().ToList();
        Assert.Equal("Ont voté pour\u00a0:", lists[0].GetProperty("heading").GetString());
        Assert.Equal(["Brésil", "Égypte", "France", "Mexique"], lists[0].GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["Chine", "États-Unis d'Amérique"], lists[1].GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("Inde", lists[2].GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.StartsWith("Inde", fr.GetProperty("footnotes")[0].GetString());

        var ar = await app.Anonymous().GetAsync($"/api/v1/votes/{id}/report?lang=ar").ExpectAsync(HttpStatusCode.OK);
        Assert.StartsWith("اعتمدت اللجنة الثالثة مشروع القرار", ar.GetProperty("outcome").GetString());
        Assert.Equal("المؤيدون:", ar.GetProperty("lists")[0].GetProperty("heading").GetString());
        var states = StateDirectory.Default;
        var arNames = ar.GetProperty("lists")[0].GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(states.SortCodes(["FRA", "BRA", "MEX", "EGY"], "ar").Select(c => states.ListName(c, "ar")), arNames);

        var csv = await (await app.Anonymous().GetAsync($"/api/v1/votes/{id}/csv?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("IND,India,abstain,yes", csv);

        var akn = XDocument.Parse(await (await app.Anonymous().GetAsync($"/api/v1/votes/{id}/akn?lang=fr")).Content.ReadAsStringAsync());
        Assert.Empty(AkomaNtoso.Validate(akn));

        var resolution = await app.Anonymous().GetAsync($"/api/v1/resolutions/{draftId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("adopted", resolution.GetProperty("status").GetString());
        var resAkn = XDocument.Parse(await (await app.Anonymous().GetAsync($"/api/v1/resolutions/{draftId}/akn")).Content.ReadAsStringAsync());
        Assert.Empty(AkomaNtoso.Validate(resAkn));
        Assert.Equal("resolution", resAkn.Root!.Element(AkomaNtoso.Ns + "statement")!.Attribute("name")!.Value);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WithoutAVote_IsClosedAtOnce_AndReportedSo(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var (draftId, symbol) = await IssuedDraftAsync(app);
        var v = await app.Secretariat().PostJsonAsync("/api/v1/votes", new { draftId, body = "GA", method = "without-vote" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("closed", v.GetProperty("status").GetString());
        var en = await app.Anonymous().GetAsync($"/api/v1/votes/{v.GetProperty("id").GetString()}/report?lang=en").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"The General Assembly adopted draft resolution {symbol} without a vote.", en.GetProperty("outcome").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Close_WithoutBallots_IsRefused_AndDelegatesCannotEnterBallots(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var v = await app.Secretariat().PostJsonAsync("/api/v1/votes", new { draftSymbol = DeliberationCalls.NewSymbol() })
            .ExpectAsync(HttpStatusCode.Created);
        var id = v.GetProperty("id").GetString();
        await app.Secretariat().PostJsonAsync($"/api/v1/votes/{id}/close", new { version = 0 })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "no-ballots");
        var r = await app.Delegate("FRA").PutAsync($"/api/v1/votes/{id}/ballots",
            new StringContent("{\"ballots\":{\"FRA\":\"yes\"},\"version\":0}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        await app.Secretariat().PutAsync($"/api/v1/votes/{id}/ballots",
            new StringContent("{\"ballots\":{\"VAT\":\"yes\"},\"version\":0}", Encoding.UTF8, "application/json"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "not-a-member-state");
    }
}
