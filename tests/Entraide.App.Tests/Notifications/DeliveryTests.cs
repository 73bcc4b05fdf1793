using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entraide.App.Notifications;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class DeliveryTests(NotificationsFixture fixture)
{
    private static Notification Event(string state, string kind, Guid subject, bool urgent, IReadOnlyList<string> args, params string[] roles) =>
        new(state, roles.Length == 0 ? [Roles.Delegate] : roles, kind, $"/requests/{subject}", subject, urgent, args);

    [Theory, ClassData(typeof(Databases))]
    public async Task Email_UrgentInFrench_ReachesTheSmtpServerInTheRecipientsLanguage(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "fr", Roles.PointOfContact);
        var subject = Guid.CreateVersion7();

        await Accounts.EnqueueAsync(app, Event(state, NotificationKinds.EmergencyEscalated, subject, true, ["URG-7", "Brésil", "8"],
            Roles.PointOfContact));

        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Contains(user.Email!));
        Assert.Equal("[URGENT] Demande d'urgence URG-7 sans accusé de réception", mail.Message.Subject);
        Assert.Equal("fr", mail.Message.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.Equal(MimeKit.MessagePriority.Urgent, mail.Message.Priority);
        Assert.Contains("La demande d'urgence URG-7 de Brésil n'a pas fait l'objet d'un accusé de réception après 8 heures.",
            mail.Message.TextBody);
        Assert.Contains($"https://entraide.test/requests/{subject}", mail.Message.TextBody);
        Assert.Equal("no-reply@entraide.test", mail.From);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Email_ToContactsWithoutAccounts_InTheirLanguage_OncePerAddress(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.PointOfContact);
        var subject = Guid.CreateVersion7();
        var backup = $"backup-desk.{state.ToLowerInvariant()}@police.example";

        await Accounts.EnqueueAsync(app, Event(state, NotificationKinds.EmergencyEscalated, subject, true, ["URG-9", "Brésil", "8"],
            Roles.PointOfContact) with
        {
            // The second contact is the account's own address in other letters: it gets the account's e-mail only.
            Contacts =
            [
                new ContactAddress("Permanence de secours", backup, "fr"),
                new ContactAddress("Same desk", user.Email!.ToUpperInvariant(), "es"),
            ],
        });

        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Contains(backup));
        Assert.Equal("[URGENT] Demande d'urgence URG-9 sans accusé de réception", mail.Message.Subject);
        Assert.Equal("fr", mail.Message.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.Equal("Permanence de secours", ((MimeKit.MailboxAddress)mail.Message.To[0]).Name);
        var own = await fixture.Smtp.WaitForAsync(m => m.To.Contains(user.Email!));
        Assert.StartsWith("[URGENT] Emergency request URG-9", own.Message.Subject);
        var jobs = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>()
            .Where(j => j.Channel == DeliveryChannels.Email && ctx.Set<NotificationMessage>()
                .Any(m => m.Id == j.MessageId && m.SubjectId == subject)).ToListAsync());
        Assert.Equal(2, jobs.Count);
        Assert.Single(jobs, j => j.UserId == user.Id && j.Address == null);
        Assert.Single(jobs, j => j.UserId == null && j.Address!.Contains(backup, StringComparison.Ordinal) && j.Language == "fr");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Email_InArabic_IsRightToLeft(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "ar", Roles.Delegate);
        await Accounts.EnqueueAsync(app,
            Event(state, NotificationKinds.ConsultationOpened, Guid.CreateVersion7(), false, ["مشروع القرار", "2026-12-31"]));

        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Contains(user.Email!));
        Assert.Equal("فُتح باب المشاورة: مشروع القرار", mail.Message.Subject);
        Assert.Contains("dir=\"rtl\"", mail.Message.HtmlBody);
        Assert.Contains("lang=\"ar\"", mail.Message.HtmlBody);
        // Outcomes are saved once the whole batch is sent, so the status may trail the mail by a moment.
        var id = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().Where(j => j.UserId == user.Id && j.Channel == DeliveryChannels.Email)
            .Select(j => j.Id).SingleAsync());
        var job = await Dispatch.WaitForJobAsync(app, id, j => j.Status != DeliveryStatus.Pending);
        Assert.Equal(DeliveryStatus.Delivered, job.Status);
    }

    private static async Task<(string Id, string Secret)> SubscribeAsync(TestApp app, string state, WebhookReceiver receiver, params string[] events)
    {
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        var body = new { url = receiver.UrlFor("/hooks/entraide"), events, description = "case system" };
        var created = await admin.PostJsonAsync("/api/v1/webhooks", body).ExpectAsync(HttpStatusCode.Created);
        return (created.GetProperty("webhook").GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhook_Subscribed_ReceivesASignedCallTheReceiverCanVerify(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        var (hookId, secret) = await SubscribeAsync(app, state, receiver, NotificationKinds.RequestReceived);
        Assert.StartsWith("whsec_", secret);
        var subject = Guid.CreateVersion7();

        await Accounts.EnqueueAsync(app,
            Event(state, NotificationKinds.RequestMessage, Guid.CreateVersion7(), false, ["NOT-SUBSCRIBED", "France"]),
            Event(state, NotificationKinds.RequestReceived, subject, true, ["REF-W1", "France", "MLA"]));

        var call = await receiver.WaitForAsync(c => c.Headers.GetValueOrDefault(WebhookSignature.EventHeader) == NotificationKinds.RequestReceived);
        Assert.True(WebhookSignature.Verify(secret, call.Headers[WebhookSignature.TimestampHeader], call.Headers[WebhookSignature.SignatureHeader],
            call.Body, DateTimeOffset.UtcNow),
            "the receiver can verify the signature with the secret it was given");
        Assert.False(WebhookSignature.Verify("whsec_wrong", call.Headers[WebhookSignature.TimestampHeader],
            call.Headers[WebhookSignature.SignatureHeader], call.Body, DateTimeOffset.UtcNow));
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(NotificationKinds.RequestReceived, body.RootElement.GetProperty("event").GetString());
        Assert.Equal(subject.ToString(), body.RootElement.GetProperty("subjectId").GetString());
        Assert.Equal(state, body.RootElement.GetProperty("state").GetString());
        Assert.True(body.RootElement.GetProperty("urgent").GetBoolean());
        Assert.Equal($"https://entraide.test/requests/{subject}", body.RootElement.GetProperty("link").GetString());
        Assert.Equal(["REF-W1", "France", "MLA"], body.RootElement.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(call.Headers[WebhookSignature.DeliveryHeader], body.RootElement.GetProperty("id").GetString());

        await Dispatch.WaitUntilAsync(app, async () =>
        {
            var log = await app.ClientFor(state, Roles.StateAdministrator).GetAsync($"/api/v1/webhooks/{hookId}/deliveries")
                .ExpectAsync(HttpStatusCode.OK);
            return log.GetArrayLength() == 1 && log[0].GetProperty("succeeded").GetBoolean() && log[0].GetProperty("statusCode").GetInt32() == 200;
        });
        Assert.DoesNotContain(receiver.Calls, c => c.Headers.GetValueOrDefault(WebhookSignature.EventHeader) == NotificationKinds.RequestMessage);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhook_ReceiverDown_IsRetriedWithBackoffUnderTheSameDeliveryId(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        receiver.AnswerNext(503);
        var (hookId, _) = await SubscribeAsync(app, state, receiver, "*");
        var before = DateTimeOffset.UtcNow;

        await Accounts.EnqueueAsync(app, Event(state, NotificationKinds.RequestAcknowledged, Guid.CreateVersion7(), false, ["REF-R", "Brazil"]));
        var first = await receiver.WaitForAsync(c => c.AnsweredWith == 503);

        var job = await Dispatch.WaitForJobAsync(app, Guid.Parse(first.Headers[WebhookSignature.DeliveryHeader]), j => j.Attempts == 1);
        Assert.Equal(DeliveryStatus.Pending, job.Status);
        Assert.Equal(503, job.LastStatusCode);
        Assert.InRange(job.NextAttemptAt, before.AddSeconds(9), DateTimeOffset.UtcNow.AddSeconds(11));

        // Bring the retry forward instead of waiting for it.
        await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        app.Services.GetRequiredService<NotificationSignal>().Wake();

        var second = await receiver.WaitForAsync(c => c.AnsweredWith == 200);
        Assert.Equal(first.Headers[WebhookSignature.DeliveryHeader], second.Headers[WebhookSignature.DeliveryHeader]);
        var done = await Dispatch.WaitForJobAsync(app, job.Id, j => j.Status != DeliveryStatus.Pending);
        Assert.Equal(DeliveryStatus.Delivered, done.Status);
        Assert.Equal(2, done.Attempts);

        var log = await app.ClientFor(state, Roles.StateAdministrator).GetAsync($"/api/v1/webhooks/{hookId}/deliveries")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([2, 1], log.EnumerateArray().Select(e => e.GetProperty("attempt").GetInt32()).ToArray());
        Assert.Equal([true, false], log.EnumerateArray().Select(e => e.GetProperty("succeeded").GetBoolean()).ToArray());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhook_ReceiverRefusesForGood_FailsWithoutRetrying(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        receiver.AnswerNext(410);
        await SubscribeAsync(app, state, receiver, NotificationKinds.RequestEnquiry);
        await Accounts.EnqueueAsync(app, Event(state, NotificationKinds.RequestEnquiry, Guid.CreateVersion7(), false, ["REF-G", "France"]));

        var call = await receiver.WaitForAsync(c => c.AnsweredWith == 410);
        var job = await Dispatch.WaitForJobAsync(app, Guid.Parse(call.Headers[WebhookSignature.DeliveryHeader]),
            j => j.Status != DeliveryStatus.Pending);
        Assert.Equal(DeliveryStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhook_SwitchedOff_GetsNoNewDeliveries(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        var (hookId, _) = await SubscribeAsync(app, state, receiver, "*");
        await app.ClientFor(state, Roles.StateAdministrator).PutAsJsonAsync($"/api/v1/webhooks/{hookId}", new { active = false }, HttpAssertions.Json)
            .ExpectAsync(HttpStatusCode.OK);
        await Accounts.EnqueueAsync(app, Event(state, NotificationKinds.RequestMessage, Guid.CreateVersion7(), false, ["REF-OFF", "France"]));
        var jobs = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().CountAsync(j => j.WebhookId == Guid.Parse(hookId)));
        Assert.Equal(0, jobs);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhook_TestEvent_IsDeliveredAndLogged(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        var (hookId, secret) = await SubscribeAsync(app, state, receiver, NotificationKinds.ProfileStale);
        await app.ClientFor(state, Roles.StateAdministrator).PostAsync($"/api/v1/webhooks/{hookId}/test", null).ExpectAsync(HttpStatusCode.Accepted);
        var call = await receiver.WaitForAsync(c => c.Headers.GetValueOrDefault(WebhookSignature.EventHeader) == NotificationKinds.WebhookTest);
        Assert.True(WebhookSignature.Verify(secret, call.Headers[WebhookSignature.TimestampHeader], call.Headers[WebhookSignature.SignatureHeader],
            call.Body, DateTimeOffset.UtcNow));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhook_SecretRotated_OldSecretNoLongerVerifies(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await using var receiver = new WebhookReceiver();
        var (hookId, oldSecret) = await SubscribeAsync(app, state, receiver, "*");
        var rotated = await app.ClientFor(state, Roles.StateAdministrator).PostAsync($"/api/v1/webhooks/{hookId}/secret", null)
            .ExpectAsync(HttpStatusCode.OK);
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);

        await Accounts.EnqueueAsync(app, Event(state, NotificationKinds.RequestMessage, Guid.CreateVersion7(), false, ["REF-ROT", "France"]));
        var call = await receiver.WaitForAsync(_ => true);
        var ts = call.Headers[WebhookSignature.TimestampHeader];
        var sig = call.Headers[WebhookSignature.SignatureHeader];
        Assert.True(WebhookSignature.Verify(newSecret, ts, sig, call.Body, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(oldSecret, ts, sig, call.Body, DateTimeOffset.UtcNow));
    }
}
