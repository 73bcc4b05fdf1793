using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.App.Trust.Accounts;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.App.Tests.Notifications;

/// <summary>The accounts a notification goes to are kept per process; a change to accounts or roles must show at once.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class RecipientCacheTests(NotificationsFixture fixture)
{
    private static Notification Received(string state, Guid subject) =>
        new(state, [Roles.Delegate], NotificationKinds.RequestReceived, $"/requests/{subject}", subject, false, ["REF", "France", "MLA"]);

    private static Task<List<string>> ReceiversAsync(TestApp app, Guid subject) =>
        app.WithDbAsync(d => d.Set<InboxItem>().Where(i => i.Message!.SubjectId == subject).Select(i => i.UserId).ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Enqueue_AfterAnAccountIsAddedOrLosesItsRole_GoesToTheAccountsOfNow(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var first = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var before = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, Received(state, before));
        Assert.Contains(first.Id, await ReceiversAsync(app, before));

        var second = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var afterAdd = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, Received(state, afterAdd));
        var receivers = await ReceiversAsync(app, afterAdd);
        Assert.Contains(first.Id, receivers);
        Assert.Contains(second.Id, receivers);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(first.Id))!, Roles.Delegate)).Succeeded);
        }
        var afterRemoval = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, Received(state, afterRemoval));
        receivers = await ReceiversAsync(app, afterRemoval);
        Assert.DoesNotContain(first.Id, receivers);
        Assert.Contains(second.Id, receivers);
    }

    [Fact]
    public async Task Cache_KeepsRowsWhileTheirStampHolds_UntilTheLifetimeEnds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new RecipientCache(clock);
        var loads = 0;
        Task<List<RoleHolder>> Load() { loads++; return Task.FromResult(new List<RoleHolder> { new("u" + loads, null) }); }
        var key = RecipientCache.AccountsKey("FRA", [Roles.PointOfContact, Roles.CentralAuthority]);
        Assert.Equal(key, RecipientCache.AccountsKey("FRA", [Roles.CentralAuthority, Roles.PointOfContact]));

        Assert.Equal("u1", (await cache.AccountsAsync(key, 7, Load)).Single().AccountId);
        Assert.Equal("u1", (await cache.AccountsAsync(key, 7, Load)).Single().AccountId);
        Assert.Equal(1, loads);

        // The accounts changed in this process: read again.
        Assert.Equal("u2", (await cache.AccountsAsync(key, 8, Load)).Single().AccountId);

        // A change made by another process is seen once the lifetime has run out.
        clock.Advance(RecipientCache.Lifetime - TimeSpan.FromSeconds(1));
        await cache.AccountsAsync(key, 8, Load);
        Assert.Equal(2, loads);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("u3", (await cache.AccountsAsync(key, 8, Load)).Single().AccountId);
    }

    [Fact]
    public async Task AccountDirectory_ChangeStamp_MovesWithAccountsRolesAndGrantsOnly()
    {
        var changes = new EntityChanges();
        await using var scope = fixture.App(Db.Sqlite).Services.CreateAsyncScope();
        var directory = new AccountDirectory(scope.ServiceProvider.GetRequiredService<EntraideDbContext>(), changes);
        var stamp = directory.ChangeStamp;

        changes.Committed([typeof(InboxItem), typeof(WebhookSubscription)]);
        Assert.Equal(stamp, directory.ChangeStamp);
        foreach (var type in new[] { typeof(IdentityUserRole<string>), typeof(EntraideUser), typeof(IdentityRole) })
        {
            changes.Committed([type]);
            Assert.NotEqual(stamp, directory.ChangeStamp);
            stamp = directory.ChangeStamp;
        }
    }
}
