using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Entraide.App.Notifications;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Notifications;

/// <summary>
/// What happens when a webhook call connects. The application allows 127.0.0.1 (the address, as
/// written) for every State, and LIE's receivers in 10.20.0.0/16; nothing here ever connects to
/// anything but 127.0.0.1.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class WebhookConnectionTests(NotificationsFixture fixture)
{
    private static Notification Event(string state, string reference) =>
        new(state, [Roles.Delegate], NotificationKinds.RequestMessage, "/requests/x", Guid.CreateVersion7(), false, [reference, "France"]);

    private static async Task<string> SubscribeAsync(TestApp app, string state, string url)
    {
        var created = await app.ClientFor(state, Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } }).ExpectAsync(HttpStatusCode.Created);
        return created.GetProperty("webhook").GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> LogAsync(TestApp app, string state, string hookId) =>
        app.ClientFor(state, Roles.StateAdministrator).GetAsync($"/api/v1/webhooks/{hookId}/deliveries");

    [Theory, ClassData(typeof(Databases))]
    public async Task Call_NameThatResolvesToThisMachine_IsRefusedBeforeConnecting_WhileTheAllowedAddressReceives(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        var allowed = await SubscribeAsync(app, state, receiver.UrlFor("/allowed"));
        // Registered under a public name that now resolves to this machine (DNS rebinding): localhost stands for it.
        var rebound = await SubscribeAsync(app, state, "https://receiver.example/hook");
        await app.WithDbAsync(ctx => ctx.Set<WebhookSubscription>().Where(w => w.Id == Guid.Parse(rebound))
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.Url, $"http://localhost:{receiver.Port}/rebound")));

        await Accounts.EnqueueAsync(app, Event(state, "REF-DNS"));

        await receiver.WaitForAsync(c => c.Path == "/allowed");
        var job = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().AsNoTracking().SingleAsync(j => j.WebhookId == Guid.Parse(rebound)));
        job = await Dispatch.WaitForJobAsync(app, job.Id, j => j.Status != DeliveryStatus.Pending);
        Assert.Equal(DeliveryStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.DoesNotContain(receiver.Calls, c => c.Path == "/rebound");

        var log = await (await LogAsync(app, state, rebound)).ExpectAsync(HttpStatusCode.OK);
        var entry = Assert.Single(log.EnumerateArray());
        Assert.False(entry.GetProperty("succeeded").GetBoolean());
        Assert.Equal(DeliveryErrors.AddressRefused, entry.GetProperty("error").GetString());
        Assert.StartsWith("Not sent: the address leads to this server", entry.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("statusCode").ValueKind);

        var admin = await Accounts.SignInAsync(app, await Accounts.CreateAsync(app, state, "es", Roles.StateAdministrator));
        var page = new HtmlParser().ParseDocument(await admin.GetStringAsync($"/account/webhooks/{rebound}?lang=es"));
        Assert.StartsWith("No enviado: la dirección conduce a este servidor", page.QuerySelector("[data-testid=delivery-error]")!.TextContent);
        // The attempt's time, in Spanish (day before month), to the second, says which zone it is in.
        var time = page.QuerySelector("[data-testid=delivery-time]")!;
        var at = DateTimeOffset.Parse(time.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(at.UtcDateTime.ToString("d/M/yyyy H:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC",
            time.TextContent.Trim());
        Assert.EndsWith("Z", time.GetAttribute("datetime"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Call_NobodyListening_IsLoggedWithoutWhatTheSocketSaid_AndRetried(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var hook = await SubscribeAsync(app, state, $"http://127.0.0.1:{ClosedPort()}/hook");

        await Accounts.EnqueueAsync(app, Event(state, "REF-CLOSED"));

        var job = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().AsNoTracking().SingleAsync(j => j.WebhookId == Guid.Parse(hook)));
        job = await Dispatch.WaitForJobAsync(app, job.Id, j => j.Attempts == 1);
        Assert.Equal(DeliveryStatus.Pending, job.Status);
        Assert.Equal(DeliveryErrors.Unreachable, job.LastError);

        var response = await LogAsync(app, state, hook);
        var text = await response.Content.ReadAsStringAsync();
        var entry = Assert.Single((await response.ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(DeliveryErrors.Unreachable, entry.GetProperty("error").GetString());
        Assert.Equal("The receiver could not be reached.", entry.GetProperty("errorMessage").GetString());
        foreach (var socketText in new[] { "refused", "Connection", "127.0.0.1", "socket", "SSL", "TLS" })
            Assert.DoesNotContain(socketText, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Call_ReceiverFailingOverAndOver_IsLeftAloneInsteadOfCalledForEveryJob(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        const int jobs = 20;
        receiver.AnswerNext([.. Enumerable.Repeat(503, jobs)]);
        var hook = Guid.Parse(await SubscribeAsync(app, state, receiver.UrlFor("/failing")));

        await Accounts.EnqueueAsync(app, [.. Enumerable.Range(1, jobs).Select(i => Event(state, $"REF-CB-{i}"))]);

        await Dispatch.WaitUntilAsync(app, async () =>
            await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().CountAsync(j => j.WebhookId == hook && j.Attempts >= 1)) == jobs);
        var errors = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().Where(j => j.WebhookId == hook).Select(j => j.LastError).ToListAsync());
        Assert.True(receiver.Calls.Count < jobs, $"the receiver was called {receiver.Calls.Count} times for {jobs} jobs");
        Assert.Contains(DeliveryErrors.ReceiverFailing, errors);
        // Not sent is not given up: each job is tried again on its own schedule.
        Assert.Equal(jobs, await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>()
            .CountAsync(j => j.WebhookId == hook && j.Status == DeliveryStatus.Pending)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_AllowListedRange_IsAcceptedForItsStateOnly_AndLocalhostStaysRefused(Db db)
    {
        var app = fixture.App(db);
        await app.ClientFor("LIE", Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/webhooks", new { url = "https://10.20.1.2/hook", events = new[] { NotificationKinds.WebhookTest } })
            .ExpectAsync(HttpStatusCode.Created);
        await app.ClientFor("SMR", Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/webhooks", new { url = "https://10.20.1.2/hook", events = new[] { NotificationKinds.WebhookTest } })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook-address-refused");
        // 127.0.0.1 is allowed as written; localhost, which resolves to it, is not.
        await app.ClientFor(Accounts.FreshState(), Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/webhooks", new { url = "http://localhost:8080/hook", events = new[] { NotificationKinds.WebhookTest } })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook-address-refused");
    }

    /// <summary>A port of 127.0.0.1 on which nothing listens.</summary>
    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
