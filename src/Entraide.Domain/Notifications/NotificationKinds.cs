namespace Entraide.Domain.Notifications;

/// <summary>
/// The events other modules announce through notifications. Each name is stable (webhook receivers
/// and subscriptions key on it) and is also the key of its localised texts: <c>{kind}.title</c> and
/// <c>{kind}.body</c> in <c>NotificationsText</c>. The arguments a module passes, in order, are listed
/// beside each kind; the texts use them as <c>{0}</c>, <c>{1}</c>, …
/// </summary>
public static class NotificationKinds
{
    /// <summary>A request arrived for the State. Arguments: reference, requesting State's name, request type.</summary>
    public const string RequestReceived = "cooperation.request.received";

    /// <summary>The requested State acknowledged receipt. Arguments: reference, requested State's name.</summary>
    public const string RequestAcknowledged = "cooperation.request.acknowledged";

    /// <summary>
    /// A request moved to a new status. Arguments: reference, the new status (already localised or a code), the other State's name.
    /// </summary>
    public const string RequestStatusChanged = "cooperation.request.status-changed";

    /// <summary>The requesting State asked where the request stands. Arguments: reference, requesting State's name.</summary>
    public const string RequestEnquiry = "cooperation.request.enquiry";

    /// <summary>A message was posted on a request's thread. Arguments: reference, sending State's name.</summary>
    public const string RequestMessage = "cooperation.request.message";

    /// <summary>
    /// The State's central authority put the recipient (one account) in charge of a request. Arguments: reference, the name of
    /// who assigned it.
    /// </summary>
    public const string RequestAssigned = "cooperation.request.assigned";

    /// <summary>
    /// The recipient (one account) is no longer in charge of a request: another officer is, or nobody. Arguments: reference, the
    /// name of who changed the assignment.
    /// </summary>
    public const string RequestUnassigned = "cooperation.request.unassigned";

    /// <summary>Preserved data will be released soon. Arguments: reference, expiry date (ISO 8601), days left.</summary>
    public const string PreservationExpiring = "cooperation.preservation.expiring";

    /// <summary>
    /// An emergency request was not acknowledged in time and is escalated. Arguments: reference, requesting State's name, hours elapsed.
    /// </summary>
    public const string EmergencyEscalated = "cooperation.emergency.escalated";

    /// <summary>A State's contact details await verification. Arguments: State's name, contact or authority name.</summary>
    public const string VerificationRequested = "network.verification.requested";

    /// <summary>A verification is overdue. Arguments: State's name, contact or authority name, days overdue.</summary>
    public const string VerificationOverdue = "network.verification.overdue";

    /// <summary>A State's profile has not been confirmed for a long time. Arguments: State's name, date last confirmed (ISO 8601).</summary>
    public const string ProfileStale = "network.profile.stale";

    /// <summary>A consultation opened. Arguments: consultation title, closing date (ISO 8601).</summary>
    public const string ConsultationOpened = "deliberation.consultation.opened";

    /// <summary>A consultation's closing date moved. Arguments: consultation title, new closing date (ISO 8601).</summary>
    public const string ConsultationExtended = "deliberation.consultation.extended";

    /// <summary>Sent to a webhook on request, to check that the receiver verifies signatures. No arguments.</summary>
    public const string WebhookTest = "notifications.webhook.test";

    public static readonly IReadOnlyList<string> All =
    [
        RequestReceived, RequestAcknowledged, RequestStatusChanged, RequestEnquiry, RequestMessage, RequestAssigned, RequestUnassigned,
        PreservationExpiring, EmergencyEscalated,
        VerificationRequested, VerificationOverdue, ProfileStale,
        ConsultationOpened, ConsultationExtended,
        WebhookTest,
    ];

    /// <summary>A kind is a dotted lower-case name: modules may add kinds, but never free text.</summary>
    public static bool IsWellFormed(string? kind) =>
        kind is { Length: > 2 and <= 100 } && kind.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-') && kind.Contains('.');
}
