using Entraide.Domain.Cooperation;

namespace Entraide.App.Cooperation.Requests;

public sealed record RequestLink(Guid Id, string Reference, string Status);

public sealed record EventView(DateTimeOffset At, string Action, string? From, string? To, string ActorName, string? ActorState, string? Ground,
    string? Reasons);

public sealed record MessageView(Guid Id, string Kind, DateTimeOffset At, string AuthorName, string AuthorState, string Body, Guid? InReplyTo)
{
    public static MessageView Of(RequestMessage m) => new(m.Id, RequestCodes.Of(m.Kind), m.At, m.AuthorName, m.AuthorState, m.Body, m.InReplyTo);
}

/// <param name="MustAcknowledge">The viewer must accept the sender's conditions before opening the document.</param>
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
    int Version,
    int PreservationDays = PreservationClock.MinimumDays);

/// <summary>One request in an inbox listing.</summary>
public sealed record RequestListItem(Guid Id, string Reference, string Type, string Status, string RequestingState, string RequestedState,
    bool Urgent, string Channel, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt, DateTimeOffset? Deadline, string DeadlineState,
    DateTimeOffset? AcknowledgeBy, bool Overdue, DateTimeOffset? AcknowledgedAt = null, DateTimeOffset? PreservationExpiresAt = null)
{
    /// <summary>The acknowledgement clock still runs: nobody acknowledged the request and it is not closed.</summary>
    public bool AcknowledgementPending =>
        AcknowledgeBy is not null && AcknowledgedAt is null && Status is not ("executed" or "refused" or "withdrawn");

    public bool Emergency => Type == "emergency";
}

public sealed record InboxPage(string Box, IReadOnlyList<RequestListItem> Items, bool HasMore, int Page, InboxCounts Counts);

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

/// <param name="Q">Searched in the reference, subject, offence and requesting authority.</param>
/// <param name="Assigned"><c>me</c>: only the requests the caller's State put the caller in charge of.</param>
public sealed record InboxQuery(string? Box, string? Bucket, string? Type, string? Status, string? Q, int? Page = 1, int? PageSize = 50,
    string? Assigned = null);

/// <summary>A request type as the catalogue describes it, with the fields its article requires.</summary>
/// <param name="Article">The UN Convention article the platform applies.</param>
/// <param name="CrossReference">Another instrument's articles for the same measure (a cross-reference, not the legal basis), or null.</param>
public sealed record RequestTypeView(string Code, string Article, bool Urgent, bool Bilateral, IReadOnlyList<RequestFieldView> Fields,
    CrossReferenceView? CrossReference = null)
{
    public static RequestTypeView Of(TypeSpec t) => new(t.Code, t.Article, t.Urgent, t.Bilateral,
        [.. t.Fields.Select(f => new RequestFieldView(f.Name, f.Article, f.Required, f.Kind.ToString().ToLowerInvariant(), f.MaxLength))],
        t.CrossReference is { } x ? new CrossReferenceView(x.Instrument, x.Articles) : null);
}

/// <param name="Instrument">Stable code of the instrument, e.g. <c>budapest-second-protocol</c>.</param>
public sealed record CrossReferenceView(string Instrument, string Articles);

public sealed record RequestFieldView(string Name, string Article, bool Required, string Kind, int MaxLength);
