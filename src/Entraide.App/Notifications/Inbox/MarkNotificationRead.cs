using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Inbox;

public sealed record MarkNotificationRead(Guid NotificationId);

/// <summary>Marks one of the actor's own notifications read; another account's does not exist for it (404).</summary>
public sealed class MarkNotificationReadHandler(EntraideDbContext db, ICurrentActor current, TimeProvider clock, NotificationRenderer texts)
    : IHandler
{
    public async Task<NotificationView> HandleAsync(MarkNotificationRead command, CancellationToken ct)
    {
        var me = current.Current.Id;
        var item = await db.Set<InboxItem>().Include(i => i.Message)
            .SingleOrDefaultAsync(i => i.Id == command.NotificationId && i.UserId == me, ct)
            ?? throw DomainException.NotFound("notification");
        if (item.MarkRead(clock.GetUtcNow())) await db.SaveChangesAsync(ct);
        return NotificationView.Of(item, texts, CultureCookie.Current);
    }
}
