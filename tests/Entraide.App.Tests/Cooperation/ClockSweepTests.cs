using System.Net;
using Entraide.App.Cooperation.Clocks;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.App.Tests.Cooperation;

/// <summary>The legal clocks, driven by a fake clock through the hosted service's own timer.</summary>
[Collection(AppCollection.Name)]
public sealed class ClockSweepTests(AppFixture fixture)
{
    private static async Task<SweepResult> TickAsync(TestApp app, FakeTimeProvider clock)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cooperation:ClockIntervalSeconds"] = "60" }).Build();
        using var clocks = new CooperationClocks(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, config,
            app.Services.GetRequiredService<Entraide.App.Infrastructure.ScaleOut.BackgroundLease>(),
            NullLogger<CooperationClocks>.Instance);
        var next = clocks.NextSweep;
        await clocks.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(60));
        var result = await next.WaitAsync(TimeSpan.FromSeconds(30));
        await clocks.StopAsync(CancellationToken.None);
        return result;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EmergencyNotAcknowledgedInTime_IsEscalatedOnce(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("MEX", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "GBR"));
        var due = sent.GetProperty("acknowledgeBy").GetDateTimeOffset();
        Assert.Equal(8, Math.Round((due - sent.GetProperty("submittedAt").GetDateTimeOffset()).TotalHours));

        var clock = new FakeTimeProvider(due.AddMinutes(-2));
        await TickAsync(app, clock);
        var gbr = app.ClientFor("GBR", Roles.PointOfContact);
        Assert.Equal(JsonNull, (await gbr.GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK)).GetProperty("escalatedAt")
            .ValueKind);

        clock.SetUtcNow(due.AddMinutes(1));
        var result = await TickAsync(app, clock);
        Assert.True(result.Escalated >= 1);
        var after = await gbr.GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonNull, after.GetProperty("escalatedAt").ValueKind);
        Assert.Single(after.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "escalated");
        var notes = await app.NotificationsAboutAsync(Guid.Parse(sent.Id()));
        Assert.Contains(notes, n => n.Kind == Entraide.Domain.Notifications.NotificationKinds.EmergencyEscalated && n.RecipientState == "GBR"
            && n.Urgent);

        await TickAsync(app, clock);
        var again = await gbr.GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Single(again.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "escalated");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Escalation_EmailsEachOtherPointOfContactOfTheRegister_InItsLanguage(Db db)
    {
        // Cyprus is used by no other test: its register holds a primary 24/7 desk and two backups.
        var app = fixture.App(db);
        var admin = app.ClientFor("CYP", Roles.StateAdministrator);
        foreach (var (name, email, languages) in new[]
        {
            ("Primary cyber desk", "primary.desk@police.example", new[] { "en" }),
            ("Backup desk", "backup.desk@police.example", new[] { "el", "fr" }),
            ("Night duty officer", "night.duty@police.example", new[] { "el" }),
        })
        {
            await admin.PostJsonAsync("/api/v1/states/CYP/authorities", new
            {
                kind = "point-of-contact",
                name,
                address = "Nicosia",
                phones = new[] { "+357 22 000000" },
                email,
                languages,
                officeHours = "",
                timeZone = "Asia/Nicosia",
                preferredChannel = "phone",
                aroundTheClock = true,
                addressPublic = false,
                emailPublic = false,
                phonesPublic = false,
            }).ExpectAsync(HttpStatusCode.Created);
        }
        var sent = await app.ClientFor("MEX", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "CYP"));
        var clock = new FakeTimeProvider(sent.GetProperty("acknowledgeBy").GetDateTimeOffset().AddMinutes(1));
        await TickAsync(app, clock);

        var after = await app.ClientFor("CYP", Roles.PointOfContact).GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK);
        var escalated = Assert.Single(after.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "escalated");
        Assert.Contains("Backup desk", escalated.GetRawText());
        var subject = Guid.Parse(sent.Id());
        var jobs = await app.WithDbAsync(ctx => ctx.Set<Entraide.App.Notifications.Delivery.DeliveryJob>()
            .Where(j => j.Address != null && ctx.Set<Entraide.App.Notifications.Outbox.NotificationMessage>()
                .Any(m => m.Id == j.MessageId && m.SubjectId == subject
                    && m.Kind == Entraide.Domain.Notifications.NotificationKinds.EmergencyEscalated))
            .Select(j => new { j.Address, j.Language }).ToListAsync());
        // The primary desk was alerted at submission; the backups are reached now, the first in French (its first UN language), the other in English.
        Assert.Equal(2, jobs.Count);
        Assert.Contains(jobs, j => j.Address!.Contains("backup.desk@police.example", StringComparison.Ordinal) && j.Language == "fr");
        Assert.Contains(jobs, j => j.Address!.Contains("night.duty@police.example", StringComparison.Ordinal) && j.Language == "en");
        Assert.DoesNotContain(jobs, j => j.Address!.Contains("primary.desk", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task PreservationNearingExpiry_RemindsBothSides_UnlessAFollowUpHoldsIt(Db db)
    {
        var app = fixture.App(db);
        var usa = app.ClientFor("USA", Roles.PointOfContact);
        var jpn = app.ClientFor("JPN", Roles.PointOfContact);
        async Task<System.Text.Json.JsonElement> ExecutedPreservationAsync()
        {
            var p = await usa.SubmitAsync(CooperationTestData.Body("preservation", "JPN"));
            foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution", "record-execution" })
                await jpn.StepAsync(p.Id(), step).ExpectAsync(HttpStatusCode.OK);
            return await usa.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        }
        var lone = await ExecutedPreservationAsync();
        var held = await ExecutedPreservationAsync();
        var followUp = await usa.PostAsync($"/api/v1/requests/{held.Id()}/follow-up", null).ExpectAsync(HttpStatusCode.Created);
        var usaCa = app.ClientFor("USA", Roles.CentralAuthority);
        var fields = new Dictionary<string, string?>(CooperationTestData.CompleteFields("stored-data"))
        {
            ["preservationReference"] = held.GetProperty("reference").GetString(),
        };
        var content = System.Net.Http.Json.JsonContent.Create(CooperationTestData.Body("stored-data", "JPN", fields), options: HttpAssertions.Json);
        await usaCa.PutAsync($"/api/v1/requests/{followUp.Id()}", content).ExpectAsync(HttpStatusCode.OK);
        await usaCa.SubmitDraftAsync(followUp.Id(), Guid.NewGuid().ToString()).ExpectAsync(HttpStatusCode.OK);

        var expires = lone.GetProperty("preservationExpiresAt").GetDateTimeOffset();
        var clock = new FakeTimeProvider(expires.AddDays(-9));
        await TickAsync(app, clock);

        var reminded = await usa.GetAsync($"/api/v1/requests/{lone.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(reminded.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "preservation-expiry-reminder");
        var notHeld = await usa.GetAsync($"/api/v1/requests/{held.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(notHeld.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "preservation-expiry-reminder");
        var notes = await app.NotificationsAboutAsync(Guid.Parse(lone.Id()));
        Assert.Contains(notes, n => n.Kind == Entraide.Domain.Notifications.NotificationKinds.PreservationExpiring && n.RecipientState == "USA");
        Assert.Contains(notes, n => n.Kind == Entraide.Domain.Notifications.NotificationKinds.PreservationExpiring && n.RecipientState == "JPN");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPastItsDeadline_IsMarkedOverdueInTheInbox(Db db)
    {
        var app = fixture.App(db);
        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        var sent = await app.ClientFor("ZAF", Roles.CentralAuthority).SubmitAsync(CooperationTestData.Body("mla", "EGY", deadline: deadline,
            deadlineReasons: "Pre-trial detention ends then."));
        var result = await TickAsync(app, new FakeTimeProvider(deadline.AddHours(1)));
        Assert.True(result.Overdue >= 1);
        var view = await app.ClientFor("EGY", Roles.CentralAuthority).GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "overdue");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [Theory, ClassData(typeof(Databases))]
    public async Task TwoSweepsRacing_TheSecondEscalationOfAnEmergencyLosesOnTheVersion(Db db)
    {
        // Two instances of the server each sweep the clocks: both read the emergency before either saved.
        var app = fixture.App(db);
        var sent = await app.ClientFor("FRA", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "JPN"));
        var id = Guid.Parse(sent.Id());
        var later = DateTimeOffset.UtcNow.AddDays(3);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var contexts = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<EntraideDbContext>()).ToList();
        var copies = new List<CooperationRequest>();
        foreach (var c in contexts) copies.Add(await c.Set<CooperationRequest>().SingleAsync(r => r.Id == id));
        Assert.All(copies, r => Assert.True(r.Escalate(later, [])));
        first.ServiceProvider.GetRequiredService<AuditRecorder>().Action = "cooperation.clocks.sweep";
        second.ServiceProvider.GetRequiredService<AuditRecorder>().Action = "cooperation.clocks.sweep";
        await contexts[0].SaveChangesAsync();
        // The second escalation of the same emergency loses on the version, with everything it would have announced.
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => contexts[1].SaveChangesAsync());
        var stored = await app.WithDbAsync(d => d.Set<CooperationRequest>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(copies[0].Version, stored.Version);
    }
}
