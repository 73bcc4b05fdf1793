using Entraide.App.Notifications.Outbox;

namespace Entraide.App.Notifications.Inbox;

public sealed record NotificationView(
    Guid Id, string Kind, string Title, string Body, string Link, Guid? SubjectId, bool Urgent,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, IReadOnlyList<string> Arguments)
{
    /// <summary>An inbox item as its reader sees it, in <paramref name="language"/>.</summary>
    internal static NotificationView Of(InboxItem item, NotificationRenderer texts, string language)
    {
        var m = item.Message!;
        return new NotificationView(item.Id, m.Kind, texts.Title(m, language), texts.Body(m, language), m.Link, m.SubjectId, item.Urgent,
            item.CreatedAt, item.ReadAt, NotificationRenderer.ArgumentsOf(m));
    }
}

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record UnreadCount(int Unread);
