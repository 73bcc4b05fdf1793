namespace Entraide.App.Notifications;

/// <summary>
/// Tells a State's people and systems that something happened: an in-app notification for the
/// accounts holding the named roles, an e-mail to them, and a signed webhook call to the State's own
/// systems. <see cref="Enqueue"/> adds the notification to the caller's unit of work, so it is
/// committed with the change it announces (never sent for a change that was rolled back) and
/// delivered right after the commit.
/// </summary>
public interface INotifications
{
    void Enqueue(Notification notification);
}

/// <param name="RecipientState">ISO alpha-3 code of the State notified; null for the secretariat.</param>
/// <param name="RecipientRoles">Roles of the accounts notified (any of them).</param>
/// <param name="Kind">Stable event name, e.g. <c>cooperation.request.received</c>; also the key of its localised text.</param>
/// <param name="Link">Path of the page about it, e.g. <c>/requests/…</c>.</param>
/// <param name="SubjectId">The record it is about, for grouping and webhooks.</param>
/// <param name="Urgent">Urgent notifications are delivered first and flagged in the inbox and the e-mail subject.</param>
/// <param name="Arguments">Values for the localised text (reference, State names, dates), in order.</param>
/// <param name="Contacts">People reached by e-mail whether or not they hold an account (a State's 24/7 contacts from
/// the register, when an emergency escalates); an address that is also a recipient account's gets one e-mail.</param>
/// <param name="Accounts">When given, the notification is for these accounts only (a person, not a desk): among the holders
/// of <paramref name="RecipientRoles"/> in <paramref name="RecipientState"/>, only they get the inbox item and the e-mail, so
/// that an account of another State named here is never reached. The State's webhooks are called as for any notification.</param>
public sealed record Notification(
    string? RecipientState,
    IReadOnlyList<string> RecipientRoles,
    string Kind,
    string Link,
    Guid? SubjectId,
    bool Urgent,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<ContactAddress>? Contacts = null,
    IReadOnlyList<string>? Accounts = null);

/// <summary>An e-mail address outside the accounts, with the name to address and the language to write in.</summary>
public sealed record ContactAddress(string Name, string Email, string Language);

/// <summary>
/// Calls to receivers outside Entraide that the operators or the secretariat configure (the audit checkpoint
/// receiver), under the same address rules as webhooks: an absolute https URL whose host is public, unless
/// <c>Notifications:AllowHttpWebhooks</c> allows http or <c>Notifications:WebhookAllowList</c> allows the host
/// for the caller's State (the secretariat's entries are under <c>UN</c>); every address the host resolves to is
/// checked again when the connection opens, so that DNS rebinding fails too; no redirect is followed and no proxy used.
/// </summary>
public interface IOutboundCalls
{
    /// <summary>The error code that refuses <paramref name="url"/> for <paramref name="state"/> (null: the secretariat), or null.</summary>
    string? Refusal(string? url, string? state);

    /// <summary>
    /// Posts <paramref name="json"/> to <paramref name="url"/> for <paramref name="state"/> and returns the receiver's status
    /// code; <see cref="OutboundCallRefusedException"/> when the address is refused (before any connection, or when it
    /// resolves to one Entraide does not call), <see cref="HttpRequestException"/> or a timeout when it cannot be reached.
    /// </summary>
    Task<int> PostJsonAsync(string url, byte[] json, string? state, CancellationToken ct);
}

/// <summary>An outbound call refused by the address rules; <see cref="Code"/> is the error code (e.g. <c>webhook-address-refused</c>).</summary>
public sealed class OutboundCallRefusedException(string code)
    : Exception($"The address is refused by Entraide's outbound address rules ({code}).")
{
    public string Code { get; } = code;
}

/// Urgent in-app notifications as they are committed, for the open pages of their recipient account: the
/// feed reads the account's own inbox (never anything addressed to another account, hence to another
/// State), woken at once by a commit in this process and polling the inbox for commits of other
/// processes (<c>Notifications:LivePollMilliseconds</c>).
/// </summary>
public interface ILiveNotifications
{
    /// <summary>The urgent notifications committed for <paramref name="accountId"/> from now on, until <paramref name="ct"/> ends.</summary>
    IAsyncEnumerable<LiveNotification> ListenAsync(string accountId, CancellationToken ct);
}

/// <summary>One urgent notification of an account's inbox, as the live feed carries it.</summary>
public sealed record LiveNotification(Guid Id, string Kind, Guid? SubjectId, string Link, DateTimeOffset CreatedAt);
