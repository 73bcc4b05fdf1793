using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;

namespace Entraide.App.Cooperation;

/// <summary>
/// A request between two States, shared by both: the requesting State drafts and sends it, the
/// requested State receives and answers it. Its content is a field map whose keys are the
/// catalogue's field names, so a new request type adds fields without a new table.
/// </summary>
public sealed class CooperationRequest : IStateOwned
{
    public Guid Id { get; set; }
    /// <summary>Human reference, e.g. <c>FRA-BRA-2026-0193A4F2</c>, quoted in correspondence and follow-up requests.</summary>
    public string Reference { get; set; } = "";
    public RequestType Type { get; set; }
    public string RequestingState { get; set; } = "";
    public string RequestedState { get; set; } = "";
    public RequestStatus Status { get; set; }
    public Channel Channel { get; set; }
    public bool Urgent { get; set; }
    public string Language { get; set; } = "en";
    public bool Confidential { get; set; }
    /// <summary>JSON object of field name → text.</summary>
    public string FieldsJson { get; set; } = "{}";
    /// <summary>Comma-separated taxonomy terms of the conduct, for the dual-criminality check.</summary>
    public string ConductTerms { get; set; } = "";
    /// <summary>Lower-cased reference, subject and facts excerpt, for inbox search.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset? DeadlineAt { get; set; }
    public string? DeadlineReasons { get; set; }

    public string CreatedBy { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>Emergency requests: when the acknowledgement is due under the requested State's profile.</summary>
    public DateTimeOffset? AcknowledgeBy { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? ConfidentialityAcceptedAt { get; set; }
    public bool Consulted { get; set; }
    public string? Ground { get; set; }
    public string? GroundReasons { get; set; }
    public DateTimeOffset? ExecutedAt { get; set; }
    public DateTimeOffset? PreservationExpiresAt { get; set; }
    public int PreservationExtensions { get; set; }
    public DateTimeOffset? PreservationReminderAt { get; set; }
    public DateTimeOffset? OverdueSince { get; set; }
    /// <summary>The preservation this request follows up.</summary>
    public Guid? PrecedingRequestId { get; set; }
    /// <summary>The access request that follows up this preservation.</summary>
    public Guid? FollowUpRequestId { get; set; }
    public int Version { get; set; }

    public string? OwnerState => RequestingState;

    public TypeSpec Spec => RequestCatalogue.Of(Type);
}

/// <summary>One step in a request's life, as both sides see it on the timeline.</summary>
public sealed class RequestEvent : IStateOwned
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? ActorState { get; set; }
    /// <summary>Action code (lifecycle action, or a clock's event such as <c>escalated</c>).</summary>
    public string Action { get; set; } = "";
    public RequestStatus? FromStatus { get; set; }
    public RequestStatus? ToStatus { get; set; }
    public string? Ground { get; set; }
    public string? Reasons { get; set; }
    public string? OwnerState => ActorState;
}

public enum MessageKind
{
    Message,
    StatusEnquiry,
    StatusReply,
}

/// <summary>A message in the request's thread; status enquiries and their replies are messages too.</summary>
public sealed class RequestMessage : IStateOwned
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public MessageKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string AuthorState { get; set; } = "";
    public string Body { get; set; } = "";
    public Guid? InReplyTo { get; set; }
    public string? OwnerState => AuthorState;
}

/// <summary>
/// A document attached to a request (a translation, a court order, a reply), not evidence. What the
/// sender attaches may carry use limitations and a retention period (Art. 36), which the receiving
/// State acknowledges before it can open the document.
/// </summary>
public sealed class RequestAttachment : IStateOwned
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset At { get; set; }
    public string UploadedBy { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public string UploadedByState { get; set; } = "";
    public string? UseLimitation { get; set; }
    public int? RetentionDays { get; set; }
    public DateTimeOffset? ConditionsAcknowledgedAt { get; set; }
    public string? ConditionsAcknowledgedBy { get; set; }
    /// <summary>Third State the sender authorised onward transfer to, if any (comma-separated ISO codes).</summary>
    public string OnwardTransferAuthorisedTo { get; set; } = "";
    /// <summary>Third State the receiver asked to pass the document on to, awaiting the sender's decision.</summary>
    public string? OnwardTransferRequestedTo { get; set; }
    public string? OnwardTransferReasons { get; set; }
    public string? OwnerState => UploadedByState;

    public bool HasConditions => !string.IsNullOrWhiteSpace(UseLimitation) || RetentionDays is not null;
}

/// <summary>
/// Remembers a submission by its <c>Idempotency-Key</c>, per actor, with a digest of what was sent,
/// so a retried submission returns the first result and a different body under the same key is refused.
/// </summary>
public sealed class SubmissionKey
{
    public string ActorId { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid RequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
