namespace Entraide.Domain.Notifications;

/// <summary>The channels through which a notification leaves Entraide.</summary>
public static class DeliveryChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}

/// <summary>Where a delivery job stands.</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Gave up after the last attempt, or the receiver refused for good.</summary>
    public const string Failed = "failed";
    /// <summary>Nothing to do: no mail server configured, no address, or the subscription was switched off.</summary>
    public const string Skipped = "skipped";
}
