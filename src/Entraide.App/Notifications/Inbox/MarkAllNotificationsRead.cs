using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Inbox;

public sealed record MarkAllNotificationsRead;

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedRead(int Marked);

/// <summary>Marks every unread notification of the actor's own inbox read, in one statement.</summary>
public sealed class MarkAllNotificationsReadHandler(EntraideDbContext db, ICurrentActor current, TimeProvider clock) : IHandler
{
    public async Task<MarkedRead> HandleAsync(MarkAllNotificationsRead command, CancellationToken ct)
    {
        var me = current.Current.Id;
        var now = clock.GetUtcNow();
        return new MarkedRead(await db.Set<InboxItem>().Where(i => i.UserId == me && i.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadAt, now), ct));
    }
}
