using Entraide.App.Infrastructure.Audit;
using Entraide.App.Notifications.Outbox;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// One message to send outside Entraide (an e-mail to an account or a contact, a call to a State's
/// webhook), written in the same transaction as the notification (the outbox) and worked off by the
/// dispatcher. Where it stands after each attempt is <see cref="DeliveryPolicy.After"/>'s rule.
/// </summary>
[NotAudited]
public sealed class DeliveryJob : IStateOwned
{
    private DeliveryJob()
    {
    }

    public Guid Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string Channel { get; private set; } = "";
    public string? UserId { get; private set; }
    /// <summary>For an e-mail to someone without an account (a register contact): the mailbox, <c>Name &lt;address&gt;</c>.</summary>
    public string? Address { get; private set; }
    /// <summary>The language of an e-mail to <see cref="Address"/>.</summary>
    public string? Language { get; private set; }
    public Guid? WebhookId { get; private set; }
    public string? StateCode { get; private set; }
    public bool Urgent { get; private set; }
    public string Status { get; private set; } = DeliveryStatus.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>While set and in the future, a dispatcher is working on the job; a crashed one's lease simply runs out.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }
    public Guid? LeaseOwner { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    /// <summary>A <see cref="DeliveryErrors"/> code.</summary>
    public string? LastError { get; private set; }

    string? IStateOwned.OwnerState => StateCode;

    /// <summary>The e-mail of <paramref name="message"/> to an account, in the account's language.</summary>
    public static DeliveryJob EmailToAccount(NotificationMessage message, string accountId)
    {
        var job = New(message, DeliveryChannels.Email);
        job.UserId = accountId;
        return job;
    }

    /// <summary>The e-mail of <paramref name="message"/> to a mailbox outside the accounts, in <paramref name="language"/>.</summary>
    public static DeliveryJob EmailToContact(NotificationMessage message, string mailbox, string language)
    {
        var job = New(message, DeliveryChannels.Email);
        job.Address = mailbox;
        job.Language = language;
        return job;
    }

    public static DeliveryJob ToWebhook(NotificationMessage message, Guid webhookId)
    {
        var job = New(message, DeliveryChannels.Webhook);
        job.WebhookId = webhookId;
        return job;
    }

    private static DeliveryJob New(NotificationMessage message, string channel) => new()
    {
        Id = Guid.CreateVersion7(),
        MessageId = message.Id,
        Channel = channel,
        StateCode = message.RecipientState,
        Urgent = message.Urgent,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = message.CreatedAt,
        CreatedAt = message.CreatedAt,
    };

    /// <summary>
    /// Records one attempt and releases the lease; returns the line of the delivery log, or null for a
    /// skipped e-mail, which has nothing to tell the administrators of webhooks who read that log.
    /// </summary>
    public DeliveryAttempt? Record(string kind, DeliveryOutcome outcome, TimeSpan took, DateTimeOffset now)
    {
        Attempts++;
        LastStatusCode = outcome.StatusCode;
        LastError = outcome.Error;
        LeaseUntil = null;
        LeaseOwner = null;
        var (status, next) = DeliveryPolicy.After(Attempts, outcome, now);
        Status = status;
        if (next is { } n) NextAttemptAt = n;
        else CompletedAt = now;
        if (outcome.Skipped && Channel != DeliveryChannels.Webhook) return null;
        return new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(),
            DeliveryId = Id,
            WebhookId = WebhookId,
            StateCode = StateCode,
            Kind = kind,
            Number = Attempts,
            At = now,
            DurationMs = (int)Math.Min(int.MaxValue, took.TotalMilliseconds),
            StatusCode = outcome.StatusCode,
            Succeeded = outcome.Succeeded,
            Error = outcome.Error,
        };
    }
}

/// <summary>One try at a delivery: the delivery log shown to a State's administrators.</summary>
[NotAudited]
public sealed class DeliveryAttempt : IStateOwned
{
    public Guid Id { get; init; }
    public Guid DeliveryId { get; init; }
    public Guid? WebhookId { get; init; }
    public string? StateCode { get; init; }
    public required string Kind { get; init; }
    public int Number { get; init; }
    public DateTimeOffset At { get; init; }
    public int DurationMs { get; init; }
    public int? StatusCode { get; init; }
    public bool Succeeded { get; init; }
    /// <summary>A <see cref="DeliveryErrors"/> code.</summary>
    public string? Error { get; init; }

    string? IStateOwned.OwnerState => StateCode;
}
