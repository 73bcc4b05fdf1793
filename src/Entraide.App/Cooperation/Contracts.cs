using Entraide.Domain.Cooperation;

namespace Entraide.App.Cooperation;

/// <summary>A draft, or the content of a direct submission. Field keys are the catalogue's field names.</summary>
public sealed record DraftRequest(
    string? Type,
    string? RequestedState,
    string? Language,
    string? Channel,
    bool Confidential,
    IReadOnlyDictionary<string, string?>? Fields,
    IReadOnlyList<string>? ConductTerms,
    DateTimeOffset? Deadline,
    string? DeadlineReasons,
    int? Version = null);

/// <param name="Action">Lifecycle action code, e.g. <c>acknowledge</c>, <c>refuse</c>.</param>
/// <param name="AcceptConfidentiality">The requested side's undertaking to keep a confidential request confidential.</param>
public sealed record TransitionRequest(string? Action, string? Ground, string? Reasons, bool AcceptConfidentiality = false, int? Version = null);

public sealed record PostMessage(string? Kind, string? Body, Guid? InReplyTo);

public sealed record OnwardTransferRequest(string? ToState, string? Reasons);

public sealed record OnwardTransferDecision(bool Authorise);

public sealed record RequestLink(Guid Id, string Reference, string Status);

public sealed record EventView(DateTimeOffset At, string Action, string? From, string? To, string ActorName, string? ActorState, string? Ground, string? Reasons);

public sealed record MessageView(Guid Id, string Kind, DateTimeOffset At, string AuthorName, string AuthorState, string Body, Guid? InReplyTo);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At,
    string UploadedByName, string UploadedByState, string? UseLimitation, int? RetentionDays, DateTimeOffset? RetainUntil,
    DateTimeOffset? ConditionsAcknowledgedAt, bool MustAcknowledge, IReadOnlyList<string> OnwardTransferAuthorisedTo,
    string? OnwardTransferRequestedTo, string? OnwardTransferReasons);

/// <summary>A request as one side sees it; <see cref="Fields"/> is null while the content is withheld.</summary>
public sealed record RequestView(
    Guid Id,
    string Reference,
    string Type,
    string Article,
    string Status,
    string Side,
    string RequestingState,
    string RequestedState,
    string Channel,
    bool Urgent,
    string Language,
    bool Confidential,
    bool ContentWithheld,
    IReadOnlyDictionary<string, string?>? Fields,
    IReadOnlyList<string> ConductTerms,
    DateTimeOffset? Deadline,
    string? DeadlineReasons,
    string DeadlineState,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? ExecutedAt,
    DateTimeOffset? PreservationExpiresAt,
    int PreservationExtensions,
    string? Ground,
    string? GroundReasons,
    RequestLink? Preceding,
    RequestLink? FollowUp,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<EventView> Timeline,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<AttachmentView> Attachments,
    string RequestingTimeZone,
    string RequestedTimeZone,
    int Version);

public sealed record InboxItem(Guid Id, string Reference, string Type, string Status, string RequestingState, string RequestedState,
    bool Urgent, string Channel, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt, DateTimeOffset? Deadline, string DeadlineState,
    DateTimeOffset? AcknowledgeBy, bool Overdue);

public sealed record InboxPage(string Box, IReadOnlyList<InboxItem> Items, bool HasMore, int Page, InboxCounts Counts);

/// <summary>
/// How many requests of the box are in each bucket, counted up to <see cref="Limit"/>: a count equal to
/// the limit means that many or more (shown as "1,000+"). An inbox with more than a thousand requests
/// waiting in one bucket needs no exact figure, and counting further would make every listing of a
/// large inbox as slow as its largest bucket.
/// </summary>
public sealed record InboxCounts(int New, int DueSoon, int Overdue)
{
    public const int CountLimit = 1000;

    public int Limit => CountLimit;
}

public sealed record InboxQuery(string? Box, string? Bucket, string? Type, string? Status, string? Q, int Page = 1, int PageSize = 50);

internal static class Codes
{
    public static string Of(RequestType t) => RequestCatalogue.Of(t).Code;
    public static string Of(Channel c) => c switch
    {
        Domain.Cooperation.Channel.PointOfContact => "point-of-contact",
        Domain.Cooperation.Channel.DirectJudicial => "direct-judicial",
        _ => "central-authority",
    };
    public static bool TryParseChannel(string? code, out Channel channel)
    {
        foreach (var c in Enum.GetValues<Channel>())
        {
            if (string.Equals(Of(c), code?.Trim(), StringComparison.OrdinalIgnoreCase)) { channel = c; return true; }
        }
        channel = default;
        return false;
    }
    public static string Of(MessageKind k) => k switch
    {
        MessageKind.StatusEnquiry => "status-enquiry",
        MessageKind.StatusReply => "status-reply",
        _ => "message",
    };
    public static string Of(DeadlineState s) => s switch
    {
        DeadlineState.DueSoon => "due-soon",
        DeadlineState.OnTime => "on-time",
        DeadlineState.Overdue => "overdue",
        DeadlineState.Met => "met",
        _ => "none",
    };
}
