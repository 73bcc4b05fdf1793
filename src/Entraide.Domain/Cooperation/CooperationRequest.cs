using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Cooperation;

/// <summary>
/// What a draft holds, as typed: checked by <see cref="CooperationRequest.Draft"/> and <see cref="CooperationRequest.UpdateDraft"/>.
/// </summary>
/// <param name="Type">The catalogue's code of the request type (<c>mla</c>, <c>preservation</c> …).</param>
/// <param name="Fields">Field name (the catalogue's) → text; empty values are dropped.</param>
public sealed record DraftContent(
    string? Type,
    string? RequestedState,
    string? Language,
    string? Channel,
    bool Confidential,
    IReadOnlyDictionary<string, string?>? Fields,
    IReadOnlyList<string?>? ConductTerms,
    DateTimeOffset? Deadline,
    string? DeadlineReasons);

/// <summary>What the requested State's profile asks of the requests sent to it.</summary>
/// <param name="AcceptedLanguages">Languages it accepts requests in (Art. 40); empty when it names none.</param>
/// <param name="EmergencyAcknowledgement">Time within which it acknowledges an emergency request; null for the default.</param>
public sealed record RequestedStateTerms(IReadOnlyList<string> AcceptedLanguages, TimeSpan? EmergencyAcknowledgement);

/// <summary>
/// An upload whose description was checked, before its bytes are read: only
/// <see cref="CooperationRequest.PrepareAttachment"/> makes one.
/// </summary>
public sealed class AttachmentUpload
{
    internal AttachmentUpload(string fileName, string contentType, long length, string? useLimitation, int? retentionDays)
    {
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        UseLimitation = useLimitation;
        RetentionDays = retentionDays;
    }

    public string FileName { get; }
    public string ContentType { get; }
    /// <summary>The size the sender declared, in bytes (checked against the limit).</summary>
    public long Length { get; }
    public string? UseLimitation { get; }
    public int? RetentionDays { get; }
}

/// <summary>
/// A request between two States, shared by both: the requesting State drafts and sends it, the
/// requested State receives and answers it. Its content is a field map whose keys are the
/// catalogue's field names, so a new request type adds fields without a new table. Its state changes
/// only through the verbs below, each of which checks who may take it and when, records it on the
/// timeline both sides share and counts a new <see cref="Version"/>.
/// </summary>
public sealed class CooperationRequest : IStateOwned
{
    public const int MaxConductTermLength = 80;
    public const int MaxConductTermsLength = 1000;
    public const int MaxDeadlineReasonsLength = 2000;
    public const int MaxSearchTextLength = 600;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<RequestEvent> _events = [];
    private readonly List<RequestMessage> _messages = [];
    private readonly List<RequestAttachment> _attachments = [];

    private CooperationRequest()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>Human reference, e.g. <c>FRA-BRA-2026-0193A4F2</c>, quoted in correspondence and follow-up requests.</summary>
    public string Reference { get; private set; } = "";
    public RequestType Type { get; private set; }
    public string RequestingState { get; private set; } = "";
    public string RequestedState { get; private set; } = "";
    public RequestStatus Status { get; private set; }
    public Channel Channel { get; private set; }
    public bool Urgent { get; private set; }
    public string Language { get; private set; } = "en";
    public bool Confidential { get; private set; }
    /// <summary>JSON object of field name → text.</summary>
    public string FieldsJson { get; private set; } = "{}";
    /// <summary>Comma-separated taxonomy terms of the conduct, for the dual-criminality check.</summary>
    public string ConductTerms { get; private set; } = "";
    /// <summary>
    /// Lower-cased subject, offence and requesting authority (and the reference, once a draft was edited), for
    /// inbox search; the reference itself is matched exactly.
    /// </summary>
    public string SearchText { get; private set; } = "";
    public DateTimeOffset? DeadlineAt { get; private set; }
    public string? DeadlineReasons { get; private set; }

    public string CreatedBy { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    /// <summary>Emergency requests: when the acknowledgement is due under the requested State's profile.</summary>
    public DateTimeOffset? AcknowledgeBy { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? ConfidentialityAcceptedAt { get; private set; }
    public bool Consulted { get; private set; }
    public string? Ground { get; private set; }
    public string? GroundReasons { get; private set; }
    public DateTimeOffset? ExecutedAt { get; private set; }
    public DateTimeOffset? PreservationExpiresAt { get; private set; }
    public int PreservationExtensions { get; private set; }
    /// <summary>The period the requested State says it preserves the data for (Art. 42: at least 60 days); null: the article's 60.</summary>
    public int? PreservationDays { get; private set; }
    public DateTimeOffset? PreservationReminderAt { get; private set; }
    public DateTimeOffset? OverdueSince { get; private set; }
    /// <summary>The preservation this request follows up.</summary>
    public Guid? PrecedingRequestId { get; private set; }
    /// <summary>The access request that follows up this preservation.</summary>
    public Guid? FollowUpRequestId { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// The timeline entries recorded in this unit of work (and any the caller loaded): a verb appends its
    /// entry here and the save writes it. The whole timeline is read with the request's queries, never
    /// loaded to change the request.
    /// </summary>
    public IReadOnlyCollection<RequestEvent> Events => _events;

    /// <summary>The messages posted in this unit of work (see <see cref="Events"/>).</summary>
    public IReadOnlyCollection<RequestMessage> Messages => _messages;

    /// <summary>The attachments added or loaded in this unit of work (see <see cref="Events"/>).</summary>
    public IReadOnlyCollection<RequestAttachment> Attachments => _attachments;

    public string? OwnerState => RequestingState;

    public TypeSpec Spec => RequestCatalogue.Of(Type);

    /// <summary>The content: field name → text.</summary>
    public IReadOnlyDictionary<string, string?> Fields() =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(FieldsJson, Json) ?? new Dictionary<string, string?>();

    /// <summary>
    /// The reference of the preservation this request names but is not linked to yet: submitting it
    /// links the two, so that the preservation is held while the request for its data is decided.
    /// </summary>
    public string? UnlinkedPreservationReference =>
        // Most types have no such field: their content is not read again for it.
        PrecedingRequestId is null && Spec.Field(RequestCatalogue.PreservationReference) is not null
            && Fields().GetValueOrDefault(RequestCatalogue.PreservationReference) is { Length: > 0 } reference
            ? reference
            : null;

    // ---- drafting ----

    /// <summary>
    /// Saves a new draft: always possible, however incomplete, but never with unknown fields, another
    /// type's fields or impossible values. Only a State's cooperation staff draft.
    /// </summary>
    public static CooperationRequest Draft(DraftContent content, Actor actor, DateTimeOffset now, StateDirectory states)
    {
        if (actor.StateCode is not { } own || !actor.HasAny(RequestAccess.CooperationRoles))
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        var r = new CooperationRequest
        {
            Id = Guid.CreateVersion7(),
            RequestingState = own,
            Status = RequestStatus.Draft,
            CreatedBy = actor.Id,
            CreatedByName = actor.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        r.Apply(content, now, states, isNew: true);
        r.Reference = $"{r.RequestingState}-{r.RequestedState}-{now.Year}-{r.Id.ToString("N")[^8..].ToUpperInvariant()}";
        return r;
    }

    /// <summary>Replaces the content of a draft. Only the requesting side changes it, and only while it is a draft.</summary>
    public void UpdateDraft(DraftContent content, Side side, DateTimeOffset now, StateDirectory states, int? version = null)
    {
        if (side != Side.Requesting) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (Status != RequestStatus.Draft) throw DomainException.Conflict("not-a-draft", RequestLifecycle.Code(Status));
        CheckVersion(version);
        Apply(content, now, states, isNew: false);
        Touch(now);
    }

    /// <summary>
    /// Sends the draft. It must carry every field its article requires, in a language the requested State
    /// accepts, and a deadline only with its reasons. When <paramref name="preservation"/> is the
    /// preservation this request follows up (linked at drafting, or named by its reference), the two are
    /// linked and the preservation's timeline shows the follow-up, now that the requested State can see it.
    /// </summary>
    public void Submit(Side side, Actor actor, DateTimeOffset now, RequestedStateTerms terms, CooperationRequest? preservation = null)
    {
        if (side != Side.Requesting) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var from = Status;
        var to = RequestLifecycle.Apply(Spec, from, new TransitionInput(RequestAction.Submit, Side.Requesting, actor.Roles, Channel: Channel));
        var errors = new List<DomainError>(RequestContent.CheckSubmission(Spec, Fields(), Language, terms.AcceptedLanguages));
        // A deadline binds the requested State only with the reasons for it.
        if (DeadlineAt is not null && DeadlineReasons is null) errors.Add(DomainError.Required("deadlineReasons", "40"));
        if (DeadlineAt is { } d && d <= now) errors.Add(new DomainError("deadline-in-past", "deadline"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        Status = to;
        SubmittedAt = now;
        if (Type == RequestType.EmergencyDisclosure) AcknowledgeBy = EmergencyClock.AcknowledgeBy(now, terms.EmergencyAcknowledgement);
        if (preservation is not null) FollowUp(preservation, actor, now);
        Touch(now);
        Record(actor, now, RequestLifecycle.Code(RequestAction.Submit), from, to);
    }

    private void FollowUp(CooperationRequest p, Actor actor, DateTimeOffset now)
    {
        if (p.Type != RequestType.ExpeditedPreservation || p.RequestingState != RequestingState || p.RequestedState != RequestedState) return;
        if (PrecedingRequestId is null)
        {
            // A follow-up drafted by hand still finds its preservation, so the preservation is held while it is decided.
            if (p.FollowUpRequestId is not null || p.Reference != UnlinkedPreservationReference) return;
            PrecedingRequestId = p.Id;
            p.FollowUpRequestId = Id;
            p.Touch(now);
        }
        else
        {
            if (PrecedingRequestId != p.Id || (p.FollowUpRequestId is not null && p.FollowUpRequestId != Id)) return;
            // Drafted from the preservation: the preservation learns of it only now, as the requested State does.
            p.FollowUpRequestId = Id;
            p.Touch(now);
        }
        p.Record(actor, now, "follow-up-submitted", reasons: Reference);
    }

    /// <summary>
    /// Turns a preservation into the draft of the request for the preserved data (Art. 44), carrying its
    /// reference and facts. A preservation has one follow-up: <paramref name="drafted"/> says whether one
    /// was drafted already. Until the draft is sent, the preservation itself does not change (the requested
    /// State, which sees it, must not learn of the draft); only a timeline entry for the requesting side
    /// records the drafting.
    /// </summary>
    public CooperationRequest DraftFollowUp(Side side, Actor actor, DateTimeOffset now, StateDirectory states, bool drafted = false)
    {
        if (side != Side.Requesting) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (Type != RequestType.ExpeditedPreservation) throw DomainException.Conflict("not-a-preservation");
        if (Status is RequestStatus.Draft or RequestStatus.Withdrawn or RequestStatus.Refused)
            throw DomainException.Conflict("transition-not-allowed", "follow-up", RequestLifecycle.Code(Status));
        if (FollowUpRequestId is not null || drafted) throw DomainException.Conflict("follow-up-exists");

        var pf = Fields();
        var fields = new Dictionary<string, string?>
        {
            [RequestCatalogue.RequestingAuthority] = pf.GetValueOrDefault(RequestCatalogue.RequestingAuthority),
            [RequestCatalogue.Subject] = pf.GetValueOrDefault(RequestCatalogue.Offence),
            [RequestCatalogue.Facts] = pf.GetValueOrDefault(RequestCatalogue.Facts),
            [RequestCatalogue.PreservationReference] = Reference,
            [RequestCatalogue.DataSought] = pf.GetValueOrDefault(RequestCatalogue.DataToPreserve),
            [RequestCatalogue.Custodian] = pf.GetValueOrDefault(RequestCatalogue.Custodian),
        };
        var terms = ConductTerms.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var f = Draft(new DraftContent(RequestCatalogue.Of(RequestType.StoredDataAccess).Code, RequestedState, Language, null, Confidential,
            fields, terms, null, null), actor, now, states);
        f.PrecedingRequestId = Id;
        Record(actor, now, "follow-up-drafted", reasons: f.Reference, visibleTo: Side.Requesting);
        return f;
    }

    // ---- the lifecycle ----

    /// <summary>
    /// Takes a step in the request's life (<see cref="RequestLifecycle"/> says which side, role and status
    /// allow it) and records what the step establishes: the acknowledgement and the undertaking of
    /// confidentiality, the ground and reasons of a refusal or postponement, the execution and the
    /// preservation's end, an extension.
    /// </summary>
    public void Transition(RequestAction action, Side side, Actor actor, DateTimeOffset now, string? ground = null, string? reasons = null,
        bool acceptConfidentiality = false, int? version = null)
    {
        if (action == RequestAction.Submit) throw DomainException.Invalid("submit-through-submission", "action");
        CheckVersion(version);
        if (action == RequestAction.Acknowledge && Confidential && !acceptConfidentiality && side == Side.Requested
            && RequestLifecycle.Allowed(Spec, Status, side, actor.Roles, Channel).Contains(action))
            throw DomainException.Invalid("confidentiality-must-be-accepted", "acceptConfidentiality", "42");

        var from = Status;
        var to = RequestLifecycle.Apply(Spec, from,
            new TransitionInput(action, side, actor.Roles, ground?.Trim(), reasons?.Trim(), Consulted, acceptConfidentiality, Channel));
        switch (action)
        {
            case RequestAction.Acknowledge:
                AcknowledgedAt = now;
                if (Confidential) ConfidentialityAcceptedAt = now;
                break;
            case RequestAction.OpenConsultation:
                Consulted = true;
                break;
            case RequestAction.Refuse or RequestAction.Postpone:
                Ground = ground!.Trim();
                GroundReasons = reasons!.Trim();
                break;
            case RequestAction.Resume:
                Ground = null;
                GroundReasons = null;
                break;
            case RequestAction.RecordPartialExecution or RequestAction.RecordExecution:
                ExecutedAt ??= now;
                // Art. 42: preservation runs from the day the data were preserved.
                if (Type == RequestType.ExpeditedPreservation)
                    PreservationExpiresAt = PreservationClock.ExpiresAt(ExecutedAt.Value, PreservationExtensions, PreservationDays);
                break;
            case RequestAction.ExtendPreservation:
                PreservationExtensions++;
                PreservationExpiresAt = PreservationClock.ExpiresAt(ExecutedAt ?? now, PreservationExtensions, PreservationDays);
                PreservationReminderAt = null;
                break;
        }
        Status = to;
        if (RequestLifecycle.IsFinal(to)) OverdueSince = null;
        Touch(now);
        var grounded = action is RequestAction.Refuse or RequestAction.Postpone;
        Record(actor, now, RequestLifecycle.Code(action), from, to, grounded ? Ground : null, grounded ? GroundReasons : null);
    }

    /// <summary>
    /// The requested State records for how long it actually preserves the data (Art. 42: at least 60 days; it may
    /// keep them longer, e.g. 90). Only the requested side, once the data were preserved and while the
    /// preservation runs; the expiry both sides see moves with it, and the timeline records the period.
    /// </summary>
    public void RecordPreservationPeriod(int? days, Side side, Actor actor, DateTimeOffset now, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckVersion(version);
        if (Type != RequestType.ExpeditedPreservation) throw DomainException.Conflict("not-a-preservation");
        if (side != Side.Requested || !actor.HasAny([Roles.CentralAuthority, Roles.PointOfContact]))
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = PreservationClock.CheckPeriod(days);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (ExecutedAt is not { } executed || Status is not (RequestStatus.Executed or RequestStatus.PartiallyExecuted))
            throw DomainException.Conflict("preservation-not-running");
        PreservationDays = days;
        PreservationExpiresAt = PreservationClock.ExpiresAt(executed, PreservationExtensions, days);
        // A reminder already sent was about the old end.
        if (PreservationReminderAt is not null && !PreservationClock.ReminderDue(now, PreservationExpiresAt.Value)) PreservationReminderAt = null;
        Touch(now);
        Record(actor, now, "preservation-period", reasons: days!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- the thread ----

    public const int MaxMessageLength = 8000;

    /// <summary>
    /// Adds a message to the thread once the request is sent. Art. 40: the requesting State enquires
    /// about the status, the requested State answers. <paramref name="parent"/> is the message
    /// <paramref name="inReplyTo"/> names, when the caller found it.
    /// </summary>
    public RequestMessage PostMessage(MessageKind kind, string? body, Guid? inReplyTo, RequestMessage? parent, Side side, Actor actor,
        DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var text = TextRules.Check(body, "body", MaxMessageLength, errors, required: true, multiline: true);
        if (kind == MessageKind.StatusEnquiry && side != Side.Requesting) errors.Add(new DomainError("enquiry-by-requesting-side", "kind", "40"));
        if (kind == MessageKind.StatusReply && side != Side.Requested) errors.Add(new DomainError("reply-by-requested-side", "kind", "40"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (Status == RequestStatus.Draft) throw DomainException.Conflict("not-yet-submitted");
        if (inReplyTo is { } p && (parent is null || parent.Id != p || parent.RequestId != Id))
            throw DomainException.Invalid("invalid-value", "inReplyTo");

        var m = new RequestMessage(Id, kind, now, actor, text, inReplyTo);
        _messages.Add(m);
        Touch(now);
        return m;
    }

    // ---- attachments ----

    public const long MaxAttachmentBytes = 10 * 1024 * 1024;
    public const int MaxFileNameLength = 255;
    public const int MaxUseLimitationLength = 2000;
    public const int MaxRetentionDays = 3650;
    public const int MaxOnwardTransferReasonsLength = 2000;
    private const int MaxContentTypeLength = 100;
    private const string AnyContent = "application/octet-stream";

    /// <summary>
    /// Checks what a document comes with (name, size, use limitation and retention, Art. 36) before its
    /// bytes are read. The requested side attaches nothing before it undertakes confidentiality.
    /// </summary>
    public AttachmentUpload PrepareAttachment(Side side, string? fileName, string? contentType, long length, string? useLimitation,
        int? retentionDays)
    {
        if (RequestAccess.ContentWithheld(side, this)) throw DomainException.Conflict("confidentiality-not-accepted");
        var errors = new List<DomainError>();
        var name = fileName?.Trim() ?? "";
        // Only the name: a browser may send the whole path it read the file from.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        if (name.Length == 0) errors.Add(DomainError.Required("file"));
        else if (TextRules.HasForbidden(name)) errors.Add(new DomainError(TextRules.ControlCharacterCode, "file"));
        else if (name.Length > MaxFileNameLength) errors.Add(TextRules.TooLong("file", MaxFileNameLength));
        if (length <= 0) errors.Add(DomainError.Required("file"));
        else if (length > MaxAttachmentBytes) errors.Add(FileTooLarge());
        if (retentionDays is <= 0 or > MaxRetentionDays) errors.Add(new DomainError("invalid-value", "retentionDays"));
        var limitation = TextRules.Check(useLimitation, "useLimitation", MaxUseLimitationLength, errors, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new AttachmentUpload(name, MediaType(contentType), length, limitation.Length == 0 ? null : limitation, retentionDays);
    }

    /// <summary>Attaches the document <paramref name="upload"/> describes, with its bytes.</summary>
    public RequestAttachment Attach(AttachmentUpload upload, byte[] content, Side side, Actor actor, DateTimeOffset now)
    {
        if (RequestAccess.ContentWithheld(side, this)) throw DomainException.Conflict("confidentiality-not-accepted");
        if (content.Length == 0) throw DomainException.Invalid("required", "file");
        if (content.LongLength > MaxAttachmentBytes) throw new DomainException(FailureKind.Invalid, FileTooLarge());
        var a = new RequestAttachment(Id, upload, content, now, actor);
        _attachments.Add(a);
        Touch(now);
        return a;
    }

    /// <summary>
    /// Art. 36: the receiving State accepts the sender's use limitations and retention before it opens the
    /// document. False when they were accepted already (nothing changes).
    /// </summary>
    public bool AcknowledgeConditions(RequestAttachment? attachment, Side side, Actor actor, DateTimeOffset now)
    {
        var a = AttachmentSeenBy(attachment, side);
        if (actor.BelongsTo(a.UploadedByState)) throw DomainException.Conflict("own-document");
        if (!a.HasConditions) throw DomainException.Conflict("no-conditions");
        if (a.ConditionsAcknowledgedAt is not null) return false;
        a.AcknowledgeConditions(now, actor.Id);
        Record(actor, now, "conditions-acknowledged", reasons: a.FileName);
        return true;
    }

    /// <summary>Art. 36: the receiving State asks the sender's authorisation before passing the document to a third State.</summary>
    public void RequestOnwardTransfer(RequestAttachment? attachment, string? toState, string? reasons, Side side, Actor actor, DateTimeOffset now,
        StateDirectory states)
    {
        var a = AttachmentSeenBy(attachment, side);
        if (actor.BelongsTo(a.UploadedByState)) throw DomainException.Conflict("own-document");
        var errors = new List<DomainError>();
        var to = toState?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(to)) errors.Add(DomainError.Required("toState", "36"));
        else if (!states.TryGet(to, out _)) errors.Add(new DomainError("unknown-state", "toState"));
        else if (to == RequestingState || to == RequestedState) errors.Add(new DomainError("not-a-third-state", "toState", "36"));
        var why = TextRules.Check(reasons, "reasons", MaxOnwardTransferReasonsLength, errors, required: true, multiline: true, article: "36");
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        a.AskOnwardTransfer(to!, why);
        Record(actor, now, "onward-transfer-requested", reasons: $"{a.FileName} → {to}");
    }

    /// <summary>The sending State authorises or refuses the onward transfer the receiver asked for.</summary>
    public void DecideOnwardTransfer(RequestAttachment? attachment, bool authorise, Side side, Actor actor, DateTimeOffset now)
    {
        var a = AttachmentSeenBy(attachment, side);
        if (!actor.BelongsTo(a.UploadedByState)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (a.OnwardTransferRequestedTo is not { } to) throw DomainException.Conflict("no-transfer-requested");
        a.DecideOnwardTransfer(authorise);
        Record(actor, now, authorise ? "onward-transfer-authorised" : "onward-transfer-refused", reasons: $"{a.FileName} → {to}");
    }

    /// <summary>The attachment, when it is this request's and its content is open to <paramref name="side"/>; else 404.</summary>
    public RequestAttachment AttachmentSeenBy(RequestAttachment? a, Side side) =>
        a is not null && a.RequestId == Id && !RequestAccess.ContentWithheld(side, this) ? a : throw DomainException.NotFound("attachment");

    private static DomainError FileTooLarge() =>
        new("file-too-large", "file") { Arguments = [(MaxAttachmentBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture)] };

    // The type the sender's system gave, when it is one; the document is served with it.
    private static string MediaType(string? contentType)
    {
        var t = contentType?.Trim() ?? "";
        if (t.Length is 0 or > MaxContentTypeLength || TextRules.HasForbidden(t) || !MediaTypeHeaderValue.TryParse(t, out var parsed))
            return AnyContent;
        var normal = parsed.ToString();
        return normal.Length <= MaxContentTypeLength ? normal : AnyContent;
    }

    // ---- the clocks ----

    /// <summary>
    /// An emergency not acknowledged in time is escalated to the requested State's other 24/7
    /// contacts, once. False when nothing is due.
    /// </summary>
    public bool Escalate(DateTimeOffset now, IEnumerable<string> contactNames)
    {
        if (Status != RequestStatus.Submitted || AcknowledgeBy is not { } by
            || !EmergencyClock.MustEscalate(now, by, AcknowledgedAt, EscalatedAt)) return false;
        EscalatedAt = now;
        // A new version: a second sweep that read the request before this one saved loses on the concurrency
        // token, and its notifications with it, instead of announcing the escalation twice.
        Touch(now);
        var names = string.Join(", ", contactNames);
        Record(Actor.System, now, "escalated", reasons: names.Length == 0 ? null : names);
        return true;
    }

    /// <summary>
    /// A preservation nearing its end reminds both sides, once per period, unless a follow-up request for
    /// the data holds it (<paramref name="followUpStatus"/>). False when nothing is due.
    /// </summary>
    public bool RemindPreservationExpiry(DateTimeOffset now, RequestStatus? followUpStatus)
    {
        if (Type != RequestType.ExpeditedPreservation || PreservationExpiresAt is not { } expires || PreservationReminderAt is not null
            || Status is not (RequestStatus.Executed or RequestStatus.PartiallyExecuted) || !PreservationClock.ReminderDue(now, expires)
            || PreservationClock.HeldByFollowUp(followUpStatus)) return false;
        PreservationReminderAt = now;
        Touch(now);
        Record(Actor.System, now, "preservation-expiry-reminder", reasons: expires.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>A request still open past its requester's deadline is marked overdue, once. False when nothing is due.</summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (DeadlineAt is not { } d || d >= now || OverdueSince is not null || Status == RequestStatus.Draft
            || RequestLifecycle.IsFinal(Status)) return false;
        OverdueSince = now;
        Touch(now);
        Record(Actor.System, now, "overdue");
        return true;
    }

    // ---- internals ----

    private void Apply(DraftContent c, DateTimeOffset now, StateDirectory states, bool isNew)
    {
        var errors = new List<DomainError>();
        TypeSpec? spec = null;
        if (string.IsNullOrWhiteSpace(c.Type)) errors.Add(DomainError.Required("type"));
        else if (!RequestCatalogue.TryParse(c.Type, out spec)) errors.Add(new DomainError("unknown-request-type", "type"));
        else if (!isNew && spec.Type != Type && PrecedingRequestId is not null) errors.Add(new DomainError("type-fixed-by-chain", "type"));
        var to = c.RequestedState?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(to)) errors.Add(DomainError.Required("requestedState"));
        else if (!states.TryGet(to, out _)) errors.Add(new DomainError("unknown-state", "requestedState"));
        else if (to == RequestingState) errors.Add(new DomainError("requested-state-is-own", "requestedState"));
        var language = Languages.Normalise(c.Language) ?? (string.IsNullOrWhiteSpace(c.Language) ? "en" : null);
        if (language is null) errors.Add(new DomainError("unsupported-language", "language"));
        Channel channel = default;
        if (!string.IsNullOrWhiteSpace(c.Channel) && !RequestCodes.TryParse(c.Channel, out channel))
            errors.Add(new DomainError("invalid-value", "channel"));
        var fields = (c.Fields ?? new Dictionary<string, string?>())
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value!.Trim(), StringComparer.Ordinal);
        if (spec is not null) errors.AddRange(RequestContent.CheckDraft(spec, fields));
        var terms = (c.ConductTerms ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Any(t => TextRules.HasForbidden(t))) errors.Add(new DomainError(TextRules.ControlCharacterCode, "conductTerms"));
        else if (terms.Any(t => t.Length > MaxConductTermLength || t.Contains(','))) errors.Add(new DomainError("invalid-value", "conductTerms"));
        else if (terms.Sum(t => t.Length + 1) - 1 > MaxConductTermsLength) errors.Add(TextRules.TooLong("conductTerms", MaxConductTermsLength));
        if (c.Deadline is { } d && d <= now) errors.Add(new DomainError("deadline-in-past", "deadline"));
        var deadlineReasons = TextRules.Check(c.DeadlineReasons, "deadlineReasons", MaxDeadlineReasonsLength, errors, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        Type = spec!.Type;
        RequestedState = to!;
        Language = language!;
        Channel = string.IsNullOrWhiteSpace(c.Channel) ? RequestLifecycle.DefaultChannel(spec) : channel;
        Urgent = spec.Urgent;
        Confidential = c.Confidential && spec.ConfidentialityAvailable;
        FieldsJson = JsonSerializer.Serialize(fields, Json);
        ConductTerms = string.Join(",", terms);
        DeadlineAt = c.Deadline?.ToUniversalTime();
        DeadlineReasons = deadlineReasons.Length == 0 ? null : deadlineReasons;
        SearchText = SearchTextOf(Reference, fields);
    }

    private static string SearchTextOf(string reference, IReadOnlyDictionary<string, string?> fields)
    {
        var parts = new[]
        {
            reference, fields.GetValueOrDefault(RequestCatalogue.Subject), fields.GetValueOrDefault(RequestCatalogue.Offence),
            fields.GetValueOrDefault(RequestCatalogue.RequestingAuthority),
        };
        var text = string.Join(" ", parts.Where(s => !string.IsNullOrWhiteSpace(s))).ToLowerInvariant();
        return text.Length > MaxSearchTextLength ? text[..MaxSearchTextLength] : text;
    }

    private void CheckVersion(int? version)
    {
        if (version is { } v && v != Version) throw DomainException.Conflict("concurrent-change");
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Record(Actor actor, DateTimeOffset now, string action, RequestStatus? from = null, RequestStatus? to = null, string? ground = null,
        string? reasons = null, Side? visibleTo = null) =>
        _events.Add(new RequestEvent(Id, now, actor, action, from, to, ground, reasons, visibleTo));
}

/// <summary>One step in a request's life, on the timeline both sides see (or, where <see cref="VisibleTo"/> says so, one side only).</summary>
public sealed class RequestEvent : IStateOwned
{
    private RequestEvent()
    {
    }

    internal RequestEvent(Guid requestId, DateTimeOffset at, Actor actor, string action, RequestStatus? from, RequestStatus? to, string? ground,
        string? reasons, Side? visibleTo)
    {
        Id = Guid.CreateVersion7();
        RequestId = requestId;
        At = at;
        ActorId = actor.Id;
        ActorName = actor.DisplayName;
        ActorState = actor.StateCode;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Ground = ground;
        Reasons = reasons;
        VisibleTo = visibleTo;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? ActorState { get; private set; }
    /// <summary>Action code (lifecycle action, or a clock's event such as <c>escalated</c>).</summary>
    public string Action { get; private set; } = "";
    public RequestStatus? FromStatus { get; private set; }
    public RequestStatus? ToStatus { get; private set; }
    public string? Ground { get; private set; }
    public string? Reasons { get; private set; }
    /// <summary>The one side that sees this entry (a step the other State has no part in yet); null when both do.</summary>
    public Side? VisibleTo { get; private set; }
    public string? OwnerState => ActorState;

    public bool IsVisibleTo(Side side) => VisibleTo is null || VisibleTo == side;
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
    private RequestMessage()
    {
    }

    internal RequestMessage(Guid requestId, MessageKind kind, DateTimeOffset at, Actor author, string body, Guid? inReplyTo)
    {
        Id = Guid.CreateVersion7();
        RequestId = requestId;
        Kind = kind;
        At = at;
        AuthorId = author.Id;
        AuthorName = author.DisplayName;
        AuthorState = author.StateCode ?? "";
        Body = body;
        InReplyTo = inReplyTo;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public MessageKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string AuthorState { get; private set; } = "";
    public string Body { get; private set; } = "";
    public Guid? InReplyTo { get; private set; }
    public string? OwnerState => AuthorState;
}

/// <summary>
/// A document attached to a request (a translation, a court order, a reply), not evidence. What the
/// sender attaches may carry use limitations and a retention period (Art. 36), which the receiving
/// State acknowledges before it can open the document.
/// </summary>
public sealed class RequestAttachment : IStateOwned
{
    private RequestAttachment()
    {
    }

    internal RequestAttachment(Guid requestId, AttachmentUpload upload, byte[] content, DateTimeOffset at, Actor uploader)
    {
        Id = Guid.CreateVersion7();
        RequestId = requestId;
        FileName = upload.FileName;
        ContentType = upload.ContentType;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Content = content;
        At = at;
        UploadedBy = uploader.Id;
        UploadedByName = uploader.DisplayName;
        UploadedByState = uploader.StateCode ?? "";
        UseLimitation = upload.UseLimitation;
        RetentionDays = upload.RetentionDays;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "application/octet-stream";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset At { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public string UploadedByState { get; private set; } = "";
    public string? UseLimitation { get; private set; }
    public int? RetentionDays { get; private set; }
    public DateTimeOffset? ConditionsAcknowledgedAt { get; private set; }
    public string? ConditionsAcknowledgedBy { get; private set; }
    /// <summary>Third States the sender authorised onward transfer to, if any (comma-separated ISO codes).</summary>
    public string OnwardTransferAuthorisedTo { get; private set; } = "";
    /// <summary>Third State the receiver asked to pass the document on to, awaiting the sender's decision.</summary>
    public string? OnwardTransferRequestedTo { get; private set; }
    public string? OnwardTransferReasons { get; private set; }
    public string? OwnerState => UploadedByState;

    public bool HasConditions => !string.IsNullOrWhiteSpace(UseLimitation) || RetentionDays is not null;

    /// <summary>The end of the retention the sender set, if any.</summary>
    public DateTimeOffset? RetainUntil => RetentionDays is { } d ? At.AddDays(d) : null;

    /// <summary>Whether <paramref name="actor"/> must accept the sender's conditions before opening the document.</summary>
    public bool MustAcknowledge(Actor actor) => MustAcknowledge(actor, UploadedByState, UseLimitation, RetentionDays, ConditionsAcknowledgedAt);

    /// <summary><see cref="MustAcknowledge(Actor)"/> for an attachment read without its content.</summary>
    public static bool MustAcknowledge(Actor actor, string uploadedByState, string? useLimitation, int? retentionDays,
        DateTimeOffset? acknowledgedAt) =>
        !actor.BelongsTo(uploadedByState) && (!string.IsNullOrWhiteSpace(useLimitation) || retentionDays is not null) && acknowledgedAt is null;

    /// <summary>
    /// Whether <paramref name="actor"/> may open the document at <paramref name="now"/>: once the sender's
    /// conditions are accepted (409 <c>conditions-not-acknowledged</c>) and, for the receiver, while the
    /// retention lasts (409 <c>retention-expired</c>).
    /// </summary>
    public void EnsureCanOpen(Actor actor, DateTimeOffset now)
    {
        if (MustAcknowledge(actor)) throw DomainException.Conflict("conditions-not-acknowledged");
        if (!actor.BelongsTo(UploadedByState) && RetainUntil is { } until && now > until) throw DomainException.Conflict("retention-expired");
    }

    internal void AcknowledgeConditions(DateTimeOffset now, string by)
    {
        ConditionsAcknowledgedAt = now;
        ConditionsAcknowledgedBy = by;
    }

    internal void AskOnwardTransfer(string to, string reasons)
    {
        OnwardTransferRequestedTo = to;
        OnwardTransferReasons = reasons;
    }

    internal void DecideOnwardTransfer(bool authorise)
    {
        if (authorise && OnwardTransferRequestedTo is { } to)
        {
            var authorised = OnwardTransferAuthorisedTo.Split(',', StringSplitOptions.RemoveEmptyEntries);
            OnwardTransferAuthorisedTo = string.Join(",", authorised.Append(to).Distinct());
        }
        OnwardTransferRequestedTo = null;
    }
}
