namespace Entraide.Domain.Notifications;

/// <summary>
/// What came of one attempt at a delivery. <see cref="Error"/> is one of the codes of
/// <see cref="DeliveryErrors"/>, never the text of an exception: a State's administrators read it in
/// the delivery log, and socket or TLS messages would tell them how a host they named behaves
/// (refused, timed out, spoke TLS or not), which makes the log a port scanner.
/// </summary>
/// <param name="Retry">Whether the failure may mend on its own (tried again on the <see cref="DeliveryPolicy"/> schedule).</param>
/// <param name="StatusCode">The receiver's HTTP status or the mail server's reply code, when it answered.</param>
/// <param name="Skipped">Nothing was sent and nothing will be (no mail server, subscription switched off …).</param>
public sealed record DeliveryOutcome(bool Succeeded, bool Retry, int? StatusCode, string? Error, bool Skipped = false)
{
    public static readonly DeliveryOutcome Ok = new(true, false, null, null);

    public static DeliveryOutcome Skip(string error) => new(false, false, null, error, Skipped: true);

    /// <summary>A failure that may mend (the receiver is down, the network is): tried again later.</summary>
    public static DeliveryOutcome Transient(string error, int? statusCode = null) => new(false, true, statusCode, error);

    /// <summary>A failure that will not mend by waiting: the job fails at once.</summary>
    public static DeliveryOutcome Permanent(string error, int? statusCode = null) => new(false, false, statusCode, error);

    /// <summary>The receiver answered: 2xx is success, other statuses fail, and only passing ones are retried.</summary>
    public static DeliveryOutcome Answered(int httpStatus) =>
        httpStatus is >= 200 and <= 299 ? new(true, false, httpStatus, null) : new(false, DeliveryPolicy.IsTransient(httpStatus), httpStatus, null);
}

/// <summary>The codes a failed or skipped delivery records; the delivery log shows their texts (<c>outcome.{code}</c>).</summary>
public static class DeliveryErrors
{
    /// <summary>No answer within the time limit.</summary>
    public const string Timeout = "timeout";
    /// <summary>No connection: the name is unknown, the connection was refused or broken, or the secure connection failed.</summary>
    public const string Unreachable = "unreachable";
    /// <summary>The host resolves to an address Entraide does not call (this machine, a private network …).</summary>
    public const string AddressRefused = "address-refused";
    /// <summary>Not tried: calls to this receiver failed one after another just before, and it is left alone for a while.</summary>
    public const string ReceiverFailing = "receiver-failing";
    public const string SecretUnreadable = "secret-unreadable";
    public const string SwitchedOff = "switched-off";
    public const string SubscriptionDeleted = "subscription-deleted";
    public const string NotificationDeleted = "notification-deleted";
    /// <summary>Something failed that Entraide did not foresee; the server's log says what.</summary>
    public const string Unexpected = "unexpected";
    public const string UnknownChannel = "unknown-channel";

    public const string NoMailServer = "no-mail-server";
    public const string AccountDeleted = "account-deleted";
    public const string NoEmailAddress = "no-email-address";
    public const string InvalidEmailAddress = "invalid-email-address";
    /// <summary>The mail server refused the message for good (5xx: unknown mailbox, refused sender).</summary>
    public const string MailRefused = "mail-refused";
    /// <summary>The mail server could not be reached or answered with a passing failure.</summary>
    public const string MailUnavailable = "mail-unavailable";

    /// <summary>The codes a webhook's delivery log can show (each has a text).</summary>
    public static readonly IReadOnlyList<string> Webhook =
        [Timeout, Unreachable, AddressRefused, ReceiverFailing, SecretUnreadable, SwitchedOff, SubscriptionDeleted, NotificationDeleted, Unexpected];
}
