using System.Net;
using System.Text;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class ImportTests(AppFixture fixture)
{
    private static StringContent Body(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    private static async Task<int> CountLawsAsync(TestApp app, string state) =>
        (await app.Anonymous().GetAsync($"/api/v1/knowledge/laws?state={state}").ExpectAsync(HttpStatusCode.OK)).GetArrayLength();

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportCsv_GroupsRowsIntoLawsAndVersions(Db db)
    {
        var app = fixture.App(db);
        var title = "Ley de delitos informáticos " + Guid.NewGuid().ToString("N")[..6];
        var csv = string.Join("\n",
            "state,law,type,original_language,adopted_on,language,date,version_title,eid,number,heading," +
            "text,terms,penalty_min_months,penalty_max_months",
            $"COL,{title},statute,es,2009-01-05,es,2009-01-05,,art_269A,Artículo 269A,Acceso abusivo,\"El que, sin autorización, acceda a un " +
                $"sistema informático incurrirá en prisión de cuarenta y ocho a noventa y seis meses.\",illegal-access,48,96",
            $"COL,{title},statute,es,2009-01-05,es,2009-01-05,,art_269C,Artículo 269C,Interceptación,El que intercepte datos informáticos " +
                $"incurrirá en prisión.,illegal-interception,36,72");
        var body = await app.ClientFor("COL", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports", Body(csv,
            "text/csv")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, body.GetProperty("laws").GetInt32());
        Assert.Equal(2, body.GetProperty("provisions").GetInt32());
        var id = body.GetProperty("created")[0].GetProperty("id").GetGuid();
        var law = await app.Anonymous().GetAsync($"/api/v1/knowledge/laws/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, law.GetProperty("provisions").GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportCsv_OneBadRow_ReportsTheRowAndStoresNothing(Db db)
    {
        var app = fixture.App(db);
        var before = await CountLawsAsync(app, "PER");
        var csv = string.Join("\n",
            "state,law,type,original_language,adopted_on,language,date,version_title,eid,number,heading," +
            "text,terms,penalty_min_months,penalty_max_months",
            "PER,Ley 30096,statute,es,2013-10-22,es,2013-10-22,,art_2,Artículo 2,,Acceso ilícito.,illegal-access,12,48",
            "PER,Ley 30097,statute,es,2013-10-22,es,2013-10-22,,art_3,Artículo 3,,Atentado.,hacking-in-general,,24",
            "PER,Ley 30098,statute,es,2013-10-22,es,not-a-date,,art_4,Artículo 4,,Atentado.,data-interference,,x");
        var problem = await app.ClientFor("PER", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports?format=csv", Body(csv, "text/csv"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("row 4, date", fields);
        Assert.Contains("row 4, penalty_max_months", fields);
        Assert.Equal(before, await CountLawsAsync(app, "PER"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportCsv_UnknownTerm_IsReportedOnItsRow(Db db)
    {
        var csv = string.Join("\n",
            "state,law,type,original_language,adopted_on,language,date,version_title,eid,number,heading," +
            "text,terms,penalty_min_months,penalty_max_months",
            "PER,Ley 30096,statute,es,2013-10-22,es,2013-10-22,,art_2,Artículo 2,,Acceso ilícito.,illegal-access,12,48",
            "PER,Ley 30096,statute,es,2013-10-22,es,2013-10-22,,art_3,Artículo 3,,Atentado.,hacking-in-general,,24");
        var problem = await fixture.App(db).ClientFor("PER", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports", Body(csv, "text/csv"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-term");
        Assert.Equal("row 3, terms", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportJson_MalformedFile_SaysWhere(Db db)
    {
        var problem = await fixture.App(db).ClientFor("PER", Roles.StateAdministrator)
            .PostAsync("/api/v1/knowledge/imports", Body("{\n  \"laws\": [\n    { \"state\": \"PER\",, }\n  ]\n}", "application/json"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import-unreadable");
        Assert.StartsWith("line 3", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportJson_ManyLaws_AllOrNothing(Db db)
    {
        var app = fixture.App(db);
        var before = await CountLawsAsync(app, "URY");
        var good = Laws.Law("URY", "Ley 19.574", "es", Laws.Version("es", "2017-12-20", Laws.Provision("art_1", "Acceso.", ["illegal-access"], 24)));
        var bad = Laws.Law("URY", "Ley 20.000", "es", Laws.Version("es", "2021-01-01", Laws.Provision("art_1", "", ["illegal-access"])));
        var problem = await app.ClientFor("URY", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/imports", new
        {
            laws = new[] { good,
            bad }
        })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
        Assert.Equal("laws[1].expressions[0].provisions[0].text", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before, await CountLawsAsync(app, "URY"));

        await app.ClientFor("URY", Roles.StateAdministrator).PostJsonAsync("/api/v1/knowledge/imports",
            new { laws = new[] { good } }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before + 1, await CountLawsAsync(app, "URY"));
    }

    private const string Akn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
          <act name="statute">
            <meta>
              <identification source="#entraide">
                <FRBRWork>
                  <FRBRthis value="/akn/ph/act/2012/10175/!main"/>
                  <FRBRuri value="/akn/ph/act/2012/10175"/>
                  <FRBRdate date="2012-09-12" name="enactment"/>
                  <FRBRauthor href="#congress"/>
                  <FRBRcountry value="ph"/>
                </FRBRWork>
                <FRBRExpression>
                  <FRBRthis value="/akn/ph/act/2012/10175/eng@2012-09-12/!main"/>
                  <FRBRuri value="/akn/ph/act/2012/10175/eng@2012-09-12"/>
                  <FRBRdate date="2012-09-12" name="publication"/>
                  <FRBRauthor href="#congress"/>
                  <FRBRlanguage language="eng"/>
                </FRBRExpression>
                <FRBRManifestation>
                  <FRBRthis value="/akn/ph/act/2012/10175/eng@2012-09-12/!main.xml"/>
                  <FRBRuri value="/akn/ph/act/2012/10175/eng@2012-09-12.akn"/>
                  <FRBRdate date="2024-01-01" name="transform"/>
                  <FRBRauthor href="#entraide"/>
                </FRBRManifestation>
              </identification>
            </meta>
            <preface><p><docTitle>Cybercrime Prevention Act of 2012</docTitle></p></preface>
            <body>
              <section eId="sec_4" refersTo="#illegal-access #illegal-interception" class="penalty-min-72 penalty-max-144">
                <num>Section 4(a)(1)</num>
                <heading>Illegal access</heading>
                <content><p>The access to the whole or any part of a computer system without right.</p></content>
              </section>
              <section eId="sec_13" refersTo="#preservation">
                <num>Section 13</num>
                <heading>Preservation of computer data</heading>
                <content><p>The integrity of traffic data and subscriber information shall be kept for a minimum period of six months.</p></content>
              </section>
            </body>
          </act>
        </akomaNtoso>
        """;

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportAkomaNtoso_ValidAct_StoresProvisionsWithTermsAndPenalty(Db db)
    {
        var app = fixture.App(db);
        var body = await app.ClientFor("PHL", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports", Body(Akn,
            "application/xml")).ExpectAsync(HttpStatusCode.OK);
        var id = body.GetProperty("created")[0].GetProperty("id").GetGuid();
        var law = await app.Anonymous().GetAsync($"/api/v1/knowledge/laws/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Cybercrime Prevention Act of 2012", law.GetProperty("law").GetProperty("title").GetString());
        Assert.Equal("PHL", law.GetProperty("law").GetProperty("state").GetString());
        var first = law.GetProperty("provisions")[0];
        Assert.Equal(["illegal-access", "illegal-interception"], first.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(144, first.GetProperty("penaltyMaxMonths").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportAkomaNtoso_SchemaViolation_ReportsTheLine(Db db)
    {
        var broken = Akn.Replace("<num>Section 13</num>", "<number>Section 13</number>", StringComparison.Ordinal);
        var problem = await fixture.App(db).ClientFor("PHL", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports?format=akn",
            Body(broken, "application/xml"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "schema-violation");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString()!.StartsWith("line 36",
            StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportAkomaNtoso_UnknownTerm_PointsAtTheElement(Db db)
    {
        var wrong = Akn.Replace("#preservation", "#data-retention-forever", StringComparison.Ordinal);
        var problem = await fixture.App(db).ClientFor("PHL", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports", Body(wrong,
            "application/xml"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-term");
        Assert.StartsWith("line 35 <section>", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_AsAnotherStatesAdministrator_IsRefused(Db db)
    {
        await fixture.App(db).ClientFor("FRA", Roles.StateAdministrator).PostAsync("/api/v1/knowledge/imports", Body(Akn, "application/xml"))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
