using System.Net;
using System.Net.Http.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class WebhookApiTests(NotificationsFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Create_BadInput_ListsEachFieldAtFault_AndStoresNothing(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var problem = await admin.PostJsonAsync("/api/v1/webhooks", new
        {
            url = "ftp://files.example/x",
            events = new[] { "cooperation.request.received", "no.such-event" }
        })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook-url-invalid");
        var codes = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("webhook-url-invalid", "url"), codes);
        Assert.Contains(("unknown-event", "events"), codes);
        Assert.Contains("La lista de eventos incluye un evento que no existe: no.such-event.", problem.GetProperty("detail").GetString());

        await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://x.example/h" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
        var list = await admin.GetAsync("/api/v1/webhooks").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhooks_AreTheirStatesOwn_AnotherStateGets404(Db db)
    {
        var app = fixture.App(db);
        var owner = Accounts.FreshState();
        var other = Accounts.FreshState();
        var mine = app.ClientFor(owner, Roles.StateAdministrator);
        var created = await mine.PostJsonAsync("/api/v1/webhooks", new { url = "https://cms.example/hook", events = new[] { "*" } })
            .ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("webhook").GetProperty("id").GetString();

        var theirs = app.ClientFor(other, Roles.StateAdministrator);
        Assert.Equal(0, (await theirs.GetAsync("/api/v1/webhooks").ExpectAsync(HttpStatusCode.OK)).GetArrayLength());
        await theirs.GetAsync($"/api/v1/webhooks/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await theirs.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { active = false }).ExpectProblemAsync(HttpStatusCode.NotFound);
        await theirs.DeleteAsync($"/api/v1/webhooks/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await theirs.GetAsync($"/api/v1/webhooks/{id}/deliveries").ExpectProblemAsync(HttpStatusCode.NotFound);

        var still = await mine.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.True(still.GetProperty("active").GetBoolean());
        Assert.False(still.TryGetProperty("secret", out _), "the secret is never shown again");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Webhooks_OtherRolesOfTheSameState_AreForbidden(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        foreach (var role in new[] { Roles.CentralAuthority, Roles.PointOfContact, Roles.Investigator, Roles.Delegate })
        {
            await app.ClientFor(state, role).GetAsync("/api/v1/webhooks").ExpectProblemAsync(HttpStatusCode.Forbidden);
            await app.ClientFor(state, role).PostJsonAsync("/api/v1/webhooks", new { url = "https://x.example", events = new[] { "*" } })
                .ExpectProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Update_StaleVersion_IsAConflictAndChangesNothing(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new
        {
            url = "https://cms.example/a",
            events = new[] { NotificationKinds.RequestReceived }
        }).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("webhook").GetProperty("id").GetString();
        await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "https://cms.example/b", version = 1 }).ExpectAsync(HttpStatusCode.OK);
        await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "https://cms.example/c", version = 1 })
            .ExpectProblemAsync(HttpStatusCode.Conflict);
        var now = await admin.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("https://cms.example/b", now.GetProperty("url").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Delete_RemovesTheSubscription_AndIsAudited(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://cms.example/del", events = new[] { "*" } })
            .ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("webhook").GetProperty("id").GetString();
        await admin.DeleteAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.NoContent);
        await admin.GetAsync($"/api/v1/webhooks/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        var actions = await app.WithDbAsync(ctx => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            ctx.Set<Entraide.App.Infrastructure.Audit.AuditEntry>().Where(e => e.EntityId == id).Select(e => e.Action)));
        Assert.Equal(["notifications.webhook.create", "notifications.webhook.delete"], actions.Order().ToArray());
    }
}
