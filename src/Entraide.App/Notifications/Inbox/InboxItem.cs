using Entraide.App.Infrastructure.Audit;
using Entraide.App.Notifications.Outbox;
using Entraide.Domain.Trust;

namespace Entraide.App.Notifications.Inbox;

/// <summary>A notification in one account's inbox; only that account ever reads it.</summary>
[NotAudited]
public sealed class InboxItem : IStateOwned
{
    private InboxItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid MessageId { get; private set; }
    public NotificationMessage? Message { get; private set; }
    public string UserId { get; private set; } = "";
    public string? StateCode { get; private set; }
    public bool Urgent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    string? IStateOwned.OwnerState => StateCode;

    public static InboxItem For(NotificationMessage message, string accountId) => new()
    {
        Id = Guid.CreateVersion7(),
        MessageId = message.Id,
        UserId = accountId,
        StateCode = message.RecipientState,
        Urgent = message.Urgent,
        CreatedAt = message.CreatedAt,
    };

    /// <summary>Marks the item read; false when it already was (marking twice is harmless: a reader may click in two tabs).</summary>
    public bool MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null) return false;
        ReadAt = now;
        return true;
    }
}
