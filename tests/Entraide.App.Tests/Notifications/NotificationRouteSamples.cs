using System.Net;
using Entraide.App.Notifications;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Notifications;

/// <summary>A notification in the inbox of an account of the owning State.</summary>
internal sealed class NotificationIdSample : IRouteSample
{
    public string Parameter => "notificationId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var user = await Accounts.CreateAsync(app, state, "en", Roles.Delegate);
        var subject = Guid.CreateVersion7();
        await Accounts.EnqueueAsync(app, new Notification(state, [Roles.Delegate], NotificationKinds.RequestMessage, $"/requests/{subject}",
            subject, false, ["SAMPLE", "France"]));
        var id = await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.UserId == user.Id && i.Message!.SubjectId == subject)
            .Select(i => i.Id).SingleAsync());
        return id.ToString();
    }

    public string? Missing => Guid.NewGuid().ToString();
}

/// <summary>A webhook subscription of the owning State.</summary>
internal sealed class WebhookIdSample : IRouteSample
{
    public string Parameter => "webhookId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://cms.example/sample", events = new[] { "*" } })
            .ExpectAsync(HttpStatusCode.Created);
        return created.GetProperty("webhook").GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}
