using Entraide.App.Notifications.Inbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Notifications.Pages;

/// <summary>The signed-in account's notifications, unread first, with mark-as-read.</summary>
public sealed class NotificationsModel(InboxQueries inbox) : PageModel
{
    public NotificationPage Notifications { get; private set; } = new([], 1, InboxQueries.DefaultPageSize, 0, 0);
    public bool UnreadOnly { get; private set; }
    public int PageCount => Notifications.PageCount;

    public async Task OnGetAsync(int? p, bool? unread, CancellationToken ct)
    {
        UnreadOnly = unread ?? false;
        // A page number past the end (after marking items read, say) shows the last page rather than an error.
        var page = Math.Max(1, p ?? 1);
        Notifications = await inbox.ListAsync(page, InboxQueries.DefaultPageSize, UnreadOnly, ct);
        if (Notifications.Items.Count == 0 && page > 1)
        {
            Notifications = await inbox.ListAsync(Notifications.PageCount, InboxQueries.DefaultPageSize, UnreadOnly, ct);
        }
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, int? p, bool? unread, [FromServices] MarkNotificationReadHandler markRead,
        CancellationToken ct)
    {
        var item = await markRead.HandleAsync(new MarkNotificationRead(id), ct);
        // "Open" marks the item read and follows its link in one step.
        if (Request.Form.ContainsKey("open") && Url.IsLocalUrl(item.Link)) return LocalRedirect(item.Link);
        return RedirectToPage(new { p, unread });
    }

    public async Task<IActionResult> OnPostReadAllAsync(bool? unread, [FromServices] MarkAllNotificationsReadHandler markAllRead,
        CancellationToken ct)
    {
        await markAllRead.HandleAsync(new MarkAllNotificationsRead(), ct);
        return RedirectToPage(new { unread });
    }
}
