using System.Net;
using Entraide.App.Deliberation.Votes;
using Entraide.App.Infrastructure.Csv;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Deliberation;

/// <summary>A vote's CSV opens in a spreadsheet without running anything a cell holds.</summary>
[Collection(AppCollection.Name)]
public sealed class VoteCsvTests(AppFixture fixture)
{
    [Fact]
    public void Rows_WithCellsAFormulaWouldStartWith_AreWrittenInert()
    {
        var names = new Dictionary<string, string>
        {
            ["FRA"] = "=HYPERLINK(\"http://127.0.0.1/x\")",
            ["BRA"] = "+1+1",
            ["MEX"] = "-1+1",
            ["EGY"] = "@SUM(A1)",
            ["IND"] = "\tTab",
            ["CHN"] = "\rReturn",
        };
        var secretariat = new Actor("test-secretariat", "Secretariat", null, new HashSet<string> { Roles.Secretariat });
        var v = Vote.Open(new VoteMotion("A/C.3/74/L.11", null, null, null, null, null, null, null), null, secretariat, DateTimeOffset.UtcNow);
        v.RecordBallots(names.Keys.ToDictionary(code => code, _ => (string?)"yes"), v.Version, StateDirectory.Default);

        var csv = CsvFiles.Write(VoteCsv.Header, VoteCsv.Rows(v, "en", StateDirectory.Default, code => names[code]));

        var rows = CsvFiles.ReadRows(new StringReader(csv));
        Assert.Equal(["state", "name", "vote", "intended_vote"], rows[0]);
        Assert.Equal(names.Count, rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal("'" + names[row[0]], row[1]);
            Assert.Equal("yes", row[2]);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Download_IsACsvWithAByteOrderMark_AndOneRowPerBallot(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var secretariat = app.Secretariat();
        var v = await secretariat.PostJsonAsync("/api/v1/votes",
            new { draftSymbol = DeliberationCalls.NewSymbol() }).ExpectAsync(HttpStatusCode.Created);
        var id = v.GetProperty("id").GetString();
        await secretariat.PutAsync($"/api/v1/votes/{id}/ballots",
            new StringContent("{\"ballots\":{\"FRA\":\"yes\",\"CHN\":\"no\"},\"version\":0}", System.Text.Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.OK);
        await secretariat.PostJsonAsync($"/api/v1/votes/{id}/close", new { version = 1 }).ExpectAsync(HttpStatusCode.OK);

        var response = await app.Anonymous().GetAsync($"/api/v1/votes/{id}/csv?lang=fr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = CsvFiles.ReadRows(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)));
        Assert.Equal(["state", "name", "vote", "intended_vote"], rows[0]);
        Assert.Equal(new[] { new[] { "CHN", "Chine", "no", "" }, ["FRA", "France", "yes", ""] }, rows.Skip(1));
    }
}
