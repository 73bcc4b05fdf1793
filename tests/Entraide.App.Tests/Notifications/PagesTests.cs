using System.Net;
using AngleSharp.Html.Parser;
using Entraide.App.Notifications;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class PagesTests(NotificationsFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    [Theory, ClassData(typeof(Databases))]
    public async Task NotificationsPage_ListsMine_AndMarkAsReadWorksWithoutJavaScript(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var subject = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, new Notification(state, [Roles.Delegate], NotificationKinds.RequestStatusChanged, $"/requests/{subject}",
            subject, false, ["REF-P", "executed", "Brazil"]));
        var client = await Accounts.SignInAsync(app, user);

        var html = await client.GetStringAsync("/notifications");
        var doc = Parser.ParseDocument(html);
        var item = doc.QuerySelector("[data-testid=notification]")!;
        Assert.Contains("Request REF-P: Executed", item.TextContent);
        // When it arrived, in British English by default, naming the zone; the machine-readable instant in UTC.
        var time = item.QuerySelector("[data-testid=notification-time]")!;
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} UTC$", time.TextContent.Trim());
        Assert.EndsWith("Z", time.GetAttribute("datetime"), StringComparison.Ordinal);
        Assert.Contains("unread", item.ClassList);
        Assert.Equal("1 unread", doc.QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("a[href='/notifications']"));

        var form = item.QuerySelector("form")!;
        var response = await client.PostAsync(form.GetAttribute("action") ?? "/notifications?handler=Read",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id"] = item.GetAttribute("data-id")!,
                ["p"] = "1",
                ["__RequestVerificationToken"] = Accounts.Antiforgery(html),
            }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = Parser.ParseDocument(await client.GetStringAsync("/notifications"));
        Assert.Contains("read", after.QuerySelector("[data-testid=notification]")!.ClassList);
        Assert.Equal("0 unread", after.QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task NotificationsPage_OpenFollowsTheLinkAndMarksRead(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var subject = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, new Notification(state, [Roles.Delegate], NotificationKinds.RequestMessage, $"/requests/{subject}",
            subject, false, ["REF-O", "Brazil"]));
        var client = await Accounts.SignInAsync(app, user);
        var html = await client.GetStringAsync("/notifications");
        var item = Parser.ParseDocument(html).QuerySelector("[data-testid=notification]")!;
        var response = await client.PostAsync("/notifications?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = item.GetAttribute("data-id")!,
            ["open"] = "1",
            ["__RequestVerificationToken"] = Accounts.Antiforgery(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/requests/{subject}", response.Headers.Location!.OriginalString);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task NotificationsPage_InArabic_IsRightToLeft(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "ar", Roles.Delegate);
        await Accounts.EnqueueAsync(app, new Notification(state, [Roles.Delegate], NotificationKinds.ConsultationExtended, "/consultations/1",
            null, false, ["مشروع", "2027-01-15"]));
        var client = await Accounts.SignInAsync(app, user);
        var doc = Parser.ParseDocument(await client.GetStringAsync("/notifications"));
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.Contains("مُدِّدت المشاورة: مشروع", doc.QuerySelector("[data-testid=notification]")!.TextContent);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WebhooksPage_BadAddress_ShowsTheErrorBesideTheField_ThenCreatesAndShowsTheSecretOnce(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var admin = await Accounts.CreateAsync(app, state, "en", Roles.StateAdministrator);
        var client = await Accounts.SignInAsync(app, admin);
        var html = await client.GetStringAsync("/account/webhooks");

        var bad = await client.PostAsync("/account/webhooks?handler=Create", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("url", "not a url"),
            new("__RequestVerificationToken", Accounts.Antiforgery(html)),
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badDoc = Parser.ParseDocument(await bad.Content.ReadAsStringAsync());
        Assert.Equal("true", badDoc.QuerySelector("#url")!.GetAttribute("aria-invalid"));
        Assert.Equal("url-error", badDoc.QuerySelector("#url")!.GetAttribute("aria-describedby"));
        Assert.Contains("The URL must be a full http or https address", badDoc.QuerySelector("#url-error")!.TextContent);
        Assert.Contains("Fill in “The list of events”: this field is required.", badDoc.QuerySelector("[data-testid=events-error]")!.TextContent);

        var good = await client.PostAsync("/account/webhooks?handler=Create", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("url", "https://cms.example/entraide"),
            new("Events", NotificationKinds.RequestReceived),
            new("Events", NotificationKinds.EmergencyEscalated),
            new("__RequestVerificationToken", Accounts.Antiforgery(html)),
        }));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var goodDoc = Parser.ParseDocument(await good.Content.ReadAsStringAsync());
        Assert.StartsWith("whsec_", goodDoc.QuerySelector("[data-testid=new-secret]")!.TextContent);
        Assert.Single(goodDoc.QuerySelectorAll("[data-testid=webhook]"));

        var again = Parser.ParseDocument(await client.GetStringAsync("/account/webhooks"));
        Assert.Null(again.QuerySelector("[data-testid=new-secret]"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WebhookDeliveriesPage_AnotherStatesWebhook_IsNotFound(Db db)
    {
        var app = fixture.App(db);
        var owner = Accounts.FreshState();
        var created = await app.ClientFor(owner, Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/webhooks", new { url = "https://cms.example/x", events = new[] { "*" } }).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("webhook").GetProperty("id").GetString();
        var foreignAdmin = await Accounts.CreateAsync(app, Accounts.FreshState(), "en", Roles.StateAdministrator);
        var client = await Accounts.SignInAsync(app, foreignAdmin);
        var response = await client.GetAsync($"/account/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
