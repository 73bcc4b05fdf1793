using System.Text.Json;
using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Notifications.Outbox;

/// <summary>
/// One event announced to a State (or the secretariat): what happened, where to look, in which words.
/// Written once and never changed. Not audited on its own: it is written in the same save as the
/// change it announces, whose audit entry already records who did what.
/// </summary>
[NotAudited]
public sealed class NotificationMessage : IStateOwned
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public string? RecipientState { get; init; }
    /// <summary>Comma-separated roles the notification was addressed to.</summary>
    public required string RecipientRoles { get; init; }
    public required string Link { get; init; }
    public Guid? SubjectId { get; init; }
    public bool Urgent { get; init; }
    /// <summary>The text arguments as a JSON array of strings.</summary>
    public required string Arguments { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    string? IStateOwned.OwnerState => RecipientState;

    /// <summary>The message of <paramref name="notification"/>; a malformed one is a defect of the calling module, not the user's input.</summary>
    public static NotificationMessage Of(Notification notification, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!NotificationKinds.IsWellFormed(notification.Kind))
            throw new ArgumentException($"Notification kind '{notification.Kind}' is not a dotted lower-case name.", nameof(notification));
        if (notification.RecipientState is not null && (notification.RecipientRoles is null || notification.RecipientRoles.Count == 0))
            throw new ArgumentException("A notification to a State must name at least one role.", nameof(notification));
        if (!notification.Link.StartsWith('/') || notification.Link.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A notification's link must be a path within Entraide.", nameof(notification));
        return new NotificationMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = notification.Kind,
            RecipientState = notification.RecipientState,
            RecipientRoles = string.Join(",", notification.RecipientRoles ?? []),
            Link = notification.Link,
            SubjectId = notification.SubjectId,
            Urgent = notification.Urgent,
            Arguments = JsonSerializer.Serialize(notification.Arguments ?? []),
            CreatedAt = now,
        };
    }

    /// <summary>The test event a State's administrator sends to one of its webhooks.</summary>
    public static NotificationMessage WebhookTest(string state, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = NotificationKinds.WebhookTest,
        RecipientState = state,
        RecipientRoles = Roles.StateAdministrator,
        Link = "/account/webhooks",
        Urgent = false,
        Arguments = "[]",
        CreatedAt = now,
    };
}
