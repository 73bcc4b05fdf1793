using Entraide.App.Infrastructure.Localization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications;

public sealed record NotificationView(
    Guid Id, string Kind, string Title, string Body, string Link, Guid? SubjectId, bool Urgent,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, IReadOnlyList<string> Arguments);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread);

public sealed record UnreadCount(int Unread);

/// <summary>
/// The signed-in account's own notifications. Every query is keyed by the actor's account: an item of
/// another account, of this State or another, does not exist for the caller (404). API tokens act for
/// systems, not people, and have no inbox: systems hear of events through webhooks.
/// </summary>
public sealed class Inbox(EntraideDbContext db, ICurrentActor current, TimeProvider clock, NotificationTexts texts)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<NotificationPage> ListAsync(int? page, int? pageSize, bool unreadOnly, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (page is < 1) errors.Add(new DomainError("invalid-value", "page"));
        if (pageSize is < 1 or > MaxPageSize) errors.Add(new DomainError("page-size-out-of-range", "pageSize") { Arguments = [MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)] });
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
            .Skip((p - 1) * size)
            .Take(size)
            .Include(i => i.Message)
            .ToListAsync(ct);
        var lang = CultureCookie.Current;
        return new NotificationPage([.. items.Select(i => View(i, lang))], p, size, total, unread);
    }

    public async Task<UnreadCount> UnreadAsync(CancellationToken ct)
    {
        var me = current.Current.Id;
        return new UnreadCount(await db.Set<InboxItem>().CountAsync(i => i.UserId == me && i.ReadAt == null, ct));
    }

    public async Task<NotificationView> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var me = current.Current.Id;
        var item = await db.Set<InboxItem>().Include(i => i.Message).SingleOrDefaultAsync(i => i.Id == id && i.UserId == me, ct)
            ?? throw DomainException.NotFound("notification");
        // Marking twice is harmless: a reader clicking in two tabs should not see an error.
        if (item.ReadAt is null)
        {
            item.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return View(item, CultureCookie.Current);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var me = current.Current.Id;
        var now = clock.GetUtcNow();
        return await db.Set<InboxItem>().Where(i => i.UserId == me && i.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadAt, now), ct);
    }

    private NotificationView View(InboxItem i, string lang)
    {
        var m = i.Message!;
        return new NotificationView(i.Id, m.Kind, texts.Title(m, lang), texts.Body(m, lang), m.Link, m.SubjectId, i.Urgent,
            i.CreatedAt, i.ReadAt, NotificationTexts.ArgumentsOf(m));
    }
}
