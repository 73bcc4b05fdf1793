using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Notifications;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// Who is in charge of a request, as it changes: the officer put in charge and the one who no longer is hear of it in their
/// own inbox, in their own language; a central authority may leave the request with nobody in charge, by the API and the page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AssignmentTests(AppFixture fixture)
{
    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string id, object body) =>
        client.PutAsJsonAsync($"/api/v1/requests/{id}/assignment", body, HttpAssertions.Json);

    /// <summary>The notifications of <paramref name="kind"/> about <paramref name="id"/> in the signed-in account's inbox.</summary>
    private static async Task<List<JsonElement>> InboxAsync(HttpClient account, string id, string kind)
    {
        var page = await account.GetAsync("/api/v1/notifications?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("subjectId").GetString() == id && i.GetProperty("kind").GetString() == kind)];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reassign_ThenUnassign_TellsTheOfficerNowInCharge_AndTheOneWhoWas_InTheirLanguage(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var first = await Accounts.CreateAsync(app, "BRA", "fr", Roles.Investigator);
        var second = await Accounts.CreateAsync(app, "BRA", "ar", Roles.Investigator);
        var firstInbox = await Accounts.SignInAsync(app, first);
        var secondInbox = await Accounts.SignInAsync(app, second);
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);

        await PutAsync(bra, id, new { assignee = first.Id }).ExpectAsync(HttpStatusCode.OK);
        var assigned = Assert.Single(await InboxAsync(firstInbox, id, NotificationKinds.RequestAssigned));
        Assert.Contains("vous", assigned.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cooperation.", assigned.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/requests/{id}", assigned.GetProperty("link").GetString());
        Assert.Empty(await InboxAsync(secondInbox, id, NotificationKinds.RequestAssigned));

        // Assigning the same officer again changes nothing, and tells nobody anything new.
        await PutAsync(bra, id, new { assignee = first.Id }).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(await InboxAsync(firstInbox, id, NotificationKinds.RequestAssigned));

        await PutAsync(bra, id, new { assignee = second.Id }).ExpectAsync(HttpStatusCode.OK);
        var taken = Assert.Single(await InboxAsync(firstInbox, id, NotificationKinds.RequestUnassigned));
        Assert.Contains("ne vous est plus confiée", taken.GetProperty("title").GetString(), StringComparison.Ordinal);
        var given = Assert.Single(await InboxAsync(secondInbox, id, NotificationKinds.RequestAssigned));
        Assert.Contains("أُسند إليك", given.GetProperty("title").GetString(), StringComparison.Ordinal);

        var cleared = await bra.DeleteAsync($"/api/v1/requests/{id}/assignment").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("assigneeId").ValueKind);
        Assert.Single(await InboxAsync(secondInbox, id, NotificationKinds.RequestUnassigned));
        var mine = await secondInbox.GetAsync("/api/v1/requests?box=incoming&assigned=me").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        // The existing contract: a PUT without an officer leaves nobody in charge as well.
        await PutAsync(bra, id, new { assignee = first.Id }).ExpectAsync(HttpStatusCode.OK);
        var none = await PutAsync(bra, id, new { assignee = (string?)null }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("assigneeId").ValueKind);
        Assert.Equal(2, (await InboxAsync(firstInbox, id, NotificationKinds.RequestUnassigned)).Count);

        // Clearing what is already clear is no change: nobody is told.
        await bra.DeleteAsync($"/api/v1/requests/{id}/assignment").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await InboxAsync(firstInbox, id, NotificationKinds.RequestUnassigned)).Count);

        var audited = await app.WithDbAsync(ctx =>
            ctx.Set<AuditEntry>().CountAsync(e => e.Action == "cooperation.request.unassign" && e.StateCode == "BRA"));
        Assert.True(audited >= 2);
        // The other State hears nothing of whom its partner puts in charge.
        var told = await app.NotificationsAboutAsync(Guid.Parse(id));
        Assert.All(told.Where(n => n.Kind is NotificationKinds.RequestAssigned or NotificationKinds.RequestUnassigned),
            n => Assert.Equal("BRA", n.RecipientState));
        var fraPage = await app.ClientFor("FRA", Roles.CentralAuthority).GetStringAsync($"/requests/{id}");
        Assert.DoesNotContain(first.DisplayName!, fraPage, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unassign_ByAnyoneButTheCentralAuthority_IsRefused_AndForAThirdState_TheRequestDoesNotExist(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var officer = await Accounts.CreateAsync(app, "BRA", "en", Roles.Investigator);
        await PutAsync(app.ClientFor("BRA", Roles.CentralAuthority), id, new { assignee = officer.Id }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor("BRA", Roles.PointOfContact).DeleteAsync($"/api/v1/requests/{id}/assignment"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(app.ClientFor("BRA", Roles.Investigator), id, new { assignee = (string?)null }))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor("DEU", Roles.CentralAuthority).DeleteAsync($"/api/v1/requests/{id}/assignment"))
            .StatusCode);
        var still = await app.ClientFor("BRA", Roles.CentralAuthority).GetAsync($"/api/v1/requests/{id}/assignment").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(officer.Id, still.GetProperty("assigneeId").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPage_LeaveNobodyInCharge_ClearsTheAssignment(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var officer = await Accounts.CreateAsync(app, "BRA", "en", Roles.Investigator);
        var ca = await Accounts.CreateAsync(app, "BRA", "en", Roles.CentralAuthority);
        var page = await Accounts.SignInAsync(app, ca);
        await PutAsync(page, id, new { assignee = officer.Id }).ExpectAsync(HttpStatusCode.OK);

        var html = await page.GetStringAsync($"/requests/{id}");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Contains(officer.DisplayName!, doc.QuerySelector("[data-testid=assignee]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("[data-testid=do-unassign]"));
        var posted = await page.PostAsync($"/requests/{id}?handler=Unassign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Accounts.Antiforgery(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = new HtmlParser().ParseDocument(await page.GetStringAsync($"/requests/{id}"));
        Assert.Equal("Nobody is in charge yet.", after.QuerySelector("[data-testid=assignee]")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-testid=do-unassign]"));
    }
}
