using System.Globalization;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Inbox;

/// <summary>
/// The signed-in account's own notifications. Every query is keyed by the actor's account: an item of
/// another account, of this State or another, does not exist for the caller. API tokens act for
/// systems, not people, and have no inbox: systems hear of events through webhooks.
/// </summary>
public sealed class InboxQueries(EntraideDbContext db, ICurrentActor current, NotificationRenderer texts)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Unread first (urgent ones at the top), then newest first; a page past the last is empty.</summary>
    public async Task<NotificationPage> ListAsync(int? page, int? pageSize, bool unreadOnly, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (page is < 1) errors.Add(new DomainError("invalid-value", "page"));
        if (pageSize is < 1 or > MaxPageSize)
            errors.Add(new DomainError("page-size-out-of-range", "pageSize") { Arguments = [MaxPageSize.ToString(CultureInfo.InvariantCulture)] });
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;

        var me = current.Current.Id;
        var mine = db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == me);
        var unread = await mine.CountAsync(i => i.ReadAt == null, ct);
        var filtered = unreadOnly ? mine.Where(i => i.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await mine.CountAsync(ct);
        var items = await filtered
            .OrderBy(i => i.ReadAt == null ? 0 : 1)
            .ThenByDescending(i => i.Urgent && i.ReadAt == null)
            .ThenByDescending(i => i.CreatedAt)
            .ThenByDescending(i => i.Id)
            .Skip(Paging.Skip(p, size))
            .Take(size)
            .Include(i => i.Message)
            .ToListAsync(ct);
        var lang = CultureCookie.Current;
        return new NotificationPage([.. items.Select(i => NotificationView.Of(i, texts, lang))], p, size, total, unread);
    }

    public async Task<UnreadCount> UnreadAsync(CancellationToken ct)
    {
        var me = current.Current.Id;
        return new UnreadCount(await db.Set<InboxItem>().CountAsync(i => i.UserId == me && i.ReadAt == null, ct));
    }
}
