using Entraide.App.Notifications;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Notifications;

/// <summary>The shared application has no mail server configured: e-mail jobs are skipped, and the in-app notification still arrives.</summary>
[Collection(AppCollection.Name)]
public sealed class WithoutMailServerTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Email_NoSmtpConfigured_IsMarkedSkipped_InboxStillFilled(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var subject = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, new Notification(state, [Roles.Delegate], NotificationKinds.RequestMessage, "/requests/x", subject, false,
            ["REF-S", "France"]));

        // A pass run here claims whatever the background dispatcher has not; either way the job ends skipped.
        var worker = app.Services.GetRequiredService<DeliveryWorker>();
        DeliveryJob? job = null;
        for (var i = 0; i < 20; i++)
        {
            var pass = worker.NextPassAsync();
            await worker.RunUntilIdleAsync(CancellationToken.None);
            job = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().AsNoTracking().SingleAsync(j => j.UserId == user.Id));
            if (job.Status != DeliveryStatus.Pending) break;
            await pass.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        Assert.Equal(DeliveryStatus.Skipped, job!.Status);
        Assert.Equal(DeliveryErrors.NoMailServer, job.LastError);
        Assert.Equal(1, await app.WithDbAsync(ctx => ctx.Set<InboxItem>().CountAsync(i => i.UserId == user.Id)));
    }
}
