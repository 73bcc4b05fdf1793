using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// The follow-up of a preservation (Art. 44): while it is a draft it belongs to the requesting State alone;
/// the requested State learns of it, reference included, once it is sent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task DraftFollowUp_WhileADraft_TheRequestedStateSeesNothingOfIt_AndOnceSentSeesItOnThePreservation(Db db)
    {
        var app = fixture.App(db);
        var fra = app.ClientFor("FRA", Roles.PointOfContact);
        var bra = app.ClientFor("BRA", Roles.PointOfContact);
        var p = await fra.SubmitAsync(CooperationTestData.Body("preservation", "BRA"));
        foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution", "record-execution" })
            await bra.StepAsync(p.Id(), step).ExpectAsync(HttpStatusCode.OK);
        var before = (await bra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK)).GetRawText();
        var followUp = await fra.PostAsync($"/api/v1/requests/{p.Id()}/follow-up", null).ExpectAsync(HttpStatusCode.Created);
        var reference = followUp.GetProperty("reference").GetString()!;

        // The requesting side sees its own draft on the preservation's timeline.
        Assert.Contains(Timeline(await fra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK)),
            e => e.Action == "follow-up-drafted" && e.Reasons == reference);
        // The requested side sees neither the step nor the draft's reference, in the API or on the page.
        var seen = await bra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(Timeline(seen), e => e.Action.StartsWith("follow-up", StringComparison.Ordinal));
        Assert.DoesNotContain(reference, seen.GetRawText(), StringComparison.Ordinal);
        // Nothing of the preservation changed for the requested State, not even its version: it cannot tell that anything happened.
        Assert.Equal(before, seen.GetRawText());
        Assert.DoesNotContain(reference, await bra.GetStringAsync($"/requests/{p.Id()}"), StringComparison.Ordinal);
        await bra.GetAsync($"/api/v1/requests/{followUp.Id()}").ExpectProblemAsync(HttpStatusCode.NotFound);

        var ca = app.ClientFor("FRA", Roles.CentralAuthority);
        var fields = new Dictionary<string, string?>(CooperationTestData.CompleteFields("stored-data"))
        {
            ["preservationReference"] = p.GetProperty("reference").GetString(),
        };
        await ca.PutAsync($"/api/v1/requests/{followUp.Id()}", JsonContent.Create(CooperationTestData.Body("stored-data", "BRA", fields),
            options: HttpAssertions.Json))
            .ExpectAsync(HttpStatusCode.OK);
        await ca.SubmitDraftAsync(followUp.Id(), Guid.NewGuid().ToString()).ExpectAsync(HttpStatusCode.OK);
        var after = await bra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(Timeline(after), e => e.Action == "follow-up-submitted" && e.Reasons == reference);
        Assert.DoesNotContain(Timeline(after), e => e.Action == "follow-up-drafted");
        Assert.Equal(followUp.Id(), after.GetProperty("followUp").Id());
        Assert.Contains(reference, await bra.GetStringAsync($"/requests/{p.Id()}"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitFollowUpDraftedByHand_LinksThePreservationItNames_AndShowsItOnItsTimeline(Db db)
    {
        var app = fixture.App(db);
        var usa = app.ClientFor("USA", Roles.CentralAuthority, Roles.PointOfContact);
        var p = await usa.SubmitAsync(CooperationTestData.Body("preservation", "KEN"));
        var fields = CooperationTestData.CompleteFields("stored-data");
        fields["preservationReference"] = p.GetProperty("reference").GetString();
        var followUp = await usa.SubmitAsync(CooperationTestData.Body("stored-data", "KEN", fields));

        Assert.Equal(p.Id(), followUp.GetProperty("preceding").Id());
        var ken = await app.ClientFor("KEN", Roles.PointOfContact).GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(followUp.Id(), ken.GetProperty("followUp").Id());
        Assert.Contains(Timeline(ken), e => e.Action == "follow-up-submitted" && e.Reasons == followUp.GetProperty("reference").GetString());
    }

    private static List<(string Action, string? Reasons)> Timeline(JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("reasons").GetString()))];
}
