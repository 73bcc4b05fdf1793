using System.Net;
using System.Net.Http.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class InboxTests(NotificationsFixture fixture)
{
    private static Notification Received(string state, Guid subject, string reference, bool urgent = false, params string[] roles) =>
        new(state, roles.Length == 0 ? [Roles.Delegate] : roles, NotificationKinds.RequestReceived, $"/requests/{subject}", subject, urgent,
            [reference, "France", "MLA"]);

    [Theory, ClassData(typeof(Databases))]
    public async Task Enqueue_CommittedWithTheCallersSave_ReachesOnlyTheAddressedAccounts(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var delegateUser = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var donor = await Accounts.CreateAsync(app, state, "en", Roles.Donor);
        var foreign = await Accounts.CreateAsync(app, "BRA", "en", Roles.Delegate);
        var subject = Guid.CreateVersion7();

        await Accounts.EnqueueAsync(app, Received(state, subject, "REF-1"));

        var mine = await (await Accounts.SignInAsync(app, delegateUser)).GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK);
        var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("New request REF-1 from France", item.GetProperty("title").GetString());
        Assert.Equal($"/requests/{subject}", item.GetProperty("link").GetString());
        Assert.Equal(1, mine.GetProperty("unread").GetInt32());

        foreach (var other in new[] { donor, foreign })
        {
            var theirs = await (await Accounts.SignInAsync(app, other)).GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK);
            Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("link").GetString() == $"/requests/{subject}");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Enqueue_ChangeRolledBackOrNeverSaved_LeavesNoNotificationAndNoDelivery(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var rolledBack = Guid.CreateVersion7();
        var unsaved = Guid.CreateVersion7();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<INotifications>();
            // PostgreSQL retries transient failures; a caller's own transaction runs inside its strategy.
            await ctx.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await ctx.Database.BeginTransactionAsync();
                outbox.Enqueue(Received(state, rolledBack, "REF-RB"));
                await ctx.SaveChangesAsync();
                await tx.RollbackAsync();
            });
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<INotifications>().Enqueue(Received(state, unsaved, "REF-UNSAVED"));
        }

        var left = await app.WithDbAsync(async ctx => new
        {
            Messages = await ctx.Set<NotificationMessage>().CountAsync(m => m.SubjectId == rolledBack || m.SubjectId == unsaved),
            Inbox = await ctx.Set<InboxItem>().CountAsync(i => i.StateCode == state),
            Jobs = await ctx.Set<DeliveryJob>().CountAsync(j => j.StateCode == state),
        });
        Assert.Equal(0, left.Messages);
        Assert.Equal(0, left.Inbox);
        Assert.Equal(0, left.Jobs);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_UnreadFirstUrgentOnTop_ThenNewestFirst(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var client = await Accounts.SignInAsync(app, user);
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "A"));
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "B", urgent: true));
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "C"));
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "D"));

        var all = await client.GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK);
        string Ref(System.Text.Json.JsonElement i) => i.GetProperty("arguments")[0].GetString()!;
        var c = all.GetProperty("items").EnumerateArray().Single(i => Ref(i) == "C");
        await client.PostAsync($"/api/v1/notifications/{c.GetProperty("id").GetString()}/read", null).ExpectAsync(HttpStatusCode.OK);

        var after = await client.GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["B", "D", "A", "C"], after.GetProperty("items").EnumerateArray().Select(Ref).ToArray());
        Assert.Equal(3, after.GetProperty("unread").GetInt32());
        var count = await client.GetAsync("/api/v1/notifications/unread-count").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, count.GetProperty("unread").GetInt32());
        var unreadOnly = await client.GetAsync("/api/v1/notifications?unread=true").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(unreadOnly.GetProperty("items").EnumerateArray(), i => Ref(i) == "C");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MarkRead_AnotherAccountsNotification_IsNotFoundAndStaysUnread(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var owner = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var colleague = await Accounts.CreateAsync(app, state, "en", Roles.Donor);
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "MINE"));
        var ownerClient = await Accounts.SignInAsync(app, owner);
        var id = (await ownerClient.GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id")
            .GetString();

        var colleagueClient = await Accounts.SignInAsync(app, colleague);
        await colleagueClient.PostAsync($"/api/v1/notifications/{id}/read", null).ExpectProblemAsync(HttpStatusCode.NotFound);
        await colleagueClient.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null).ExpectProblemAsync(HttpStatusCode.NotFound);

        var still = await ownerClient.GetAsync("/api/v1/notifications/unread-count").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, still.GetProperty("unread").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MarkAllRead_MarksOnlyMine(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var me = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var other = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "1"), Received(state, Guid.CreateVersion7(), "2"));

        var mine = await Accounts.SignInAsync(app, me);
        var marked = await mine.PostAsync("/api/v1/notifications/read-all", null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await mine.GetAsync("/api/v1/notifications/unread-count").ExpectAsync(HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        var theirs = await Accounts.SignInAsync(app, other);
        Assert.Equal(2, (await theirs.GetAsync("/api/v1/notifications/unread-count").ExpectAsync(HttpStatusCode.OK)).GetProperty("unread")
            .GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_Paging_SplitsAndRefusesOversizedPages(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        await Accounts.EnqueueAsync(app, [.. Enumerable.Range(1, 23).Select(i => Received(state, Guid.CreateVersion7(), $"P{i}"))]);
        var client = await Accounts.SignInAsync(app, user);

        var page3 = await client.GetAsync("/api/v1/notifications?page=3&pageSize=10").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, page3.GetProperty("items").GetArrayLength());
        Assert.Equal(23, page3.GetProperty("total").GetInt32());

        var seen = new HashSet<string>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await client.GetAsync($"/api/v1/notifications?page={p}&pageSize=10").ExpectAsync(HttpStatusCode.OK);
            foreach (var i in page.GetProperty("items").EnumerateArray())
                Assert.True(seen.Add(i.GetProperty("id").GetString()!), "an item appears on two pages");
        }
        Assert.Equal(23, seen.Count);

        var problem = await client.GetAsync("/api/v1/notifications?pageSize=500&lang=fr").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "page-size-out-of-range");
        Assert.Equal("La taille de page doit être une valeur comprise entre 1 et 100.", problem.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_PageFarPastTheEnd_IsEmptyRatherThanWrappingAround(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "FAR"));
        var client = await Accounts.SignInAsync(app, user);

        var page = await client.GetAsync($"/api/v1/notifications?page={int.MaxValue}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(int.MaxValue, page.GetProperty("page").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_InTheReadersLanguage(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "zh", Roles.Delegate);
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "REF-ZH"));
        var client = await Accounts.SignInAsync(app, user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var list = await client.GetAsync("/api/v1/notifications?lang=ar").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("طلب جديد REF-ZH من France", list.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Enqueue_ToTheSecretariat_ReachesSecretariatAccountsOnly(Db db)
    {
        var app = fixture.App(db);
        var secretariat = await Accounts.CreateAsync(app, null, "en", Roles.Secretariat);
        var subject = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, new Notification(null, [Roles.Secretariat], NotificationKinds.ProfileStale, "/states/ISL", subject, false,
            ["Iceland", "2025-01-01"]));

        var items = await app.WithDbAsync(ctx => ctx.Set<InboxItem>().Where(i => i.Message!.SubjectId == subject).Select(i => i.UserId)
            .ToListAsync());
        Assert.Contains(secretariat.Id, items);
        var stateAccounts = await app.WithDbAsync(ctx => ctx.Users.Where(u => items.Contains(u.Id) && u.StateCode != null).CountAsync());
        Assert.Equal(0, stateAccounts);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ApiToken_HasNoInbox_AndSeesNobodysNotifications(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        await Accounts.EnqueueAsync(app, Received(state, Guid.CreateVersion7(), "TOKEN"));
        var token = app.ClientFor(state, Roles.Delegate);
        var list = await token.GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public void Enqueue_MalformedNotification_IsRefusedAsADefect()
    {
        var app = fixture.App(Db.Sqlite);
        using var scope = app.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<INotifications>();
        Assert.Throws<ArgumentException>(() => outbox.Enqueue(new Notification("FRA", [Roles.Delegate], "Not A Kind", "/x", null, false, [])));
        Assert.Throws<ArgumentException>(() => outbox.Enqueue(new Notification("FRA", [], NotificationKinds.RequestReceived, "/x", null, false, [])));
        Assert.Throws<ArgumentException>(() => outbox.Enqueue(new Notification("FRA", [Roles.Delegate], NotificationKinds.RequestReceived,
            "https://evil.example/x", null, false, [])));
    }
}
