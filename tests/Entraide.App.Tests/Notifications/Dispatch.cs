using Entraide.App.Notifications.Delivery;
using Entraide.App.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Notifications;

/// <summary>Waits for the dispatcher as it runs in the background: after each of its passes, never for a time.</summary>
public static class Dispatch
{
    public static async Task<DeliveryJob> WaitForJobAsync(TestApp app, Guid id, Func<DeliveryJob, bool> done)
    {
        DeliveryJob? job = null;
        await WaitUntilAsync(app, async () =>
        {
            job = await app.WithDbAsync(ctx => ctx.Set<DeliveryJob>().AsNoTracking().SingleAsync(j => j.Id == id));
            return done(job);
        });
        return job!;
    }

    /// <summary>Re-checks after each pass of the dispatcher (it signals the end of each), up to a generous limit.</summary>
    public static async Task WaitUntilAsync(TestApp app, Func<Task<bool>> condition)
    {
        var worker = app.Services.GetRequiredService<DeliveryWorker>();
        for (var i = 0; i < 60; i++)
        {
            var pass = worker.NextPassAsync();
            if (await condition()) return;
            try
            {
                await pass.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
            }
        }
        Assert.Fail("The dispatcher did not reach the expected state.");
    }
}
