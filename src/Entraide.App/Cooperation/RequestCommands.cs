using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network;
using Entraide.App.Notifications;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation;

/// <summary>
/// Every change to a request: each verb authorises (side and role), validates, writes the request, its
/// timeline event and its notifications, and audits, in one save.
/// </summary>
public sealed partial class RequestCommands(
    EntraideDbContext db,
    ICurrentActor current,
    AuditRecorder audit,
    TimeProvider clock,
    IStateProfiles profiles,
    INotifications notifications,
    StateDirectory states,
    SubmissionGate gate,
    ILogger<RequestCommands> logger)
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CooperationRequest> CreateDraftAsync(DraftRequest cmd, CancellationToken ct)
    {
        var actor = current.Current;
        if (actor.StateCode is null || !actor.HasAny(RequestAccess.CooperationRoles)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var r = NewDraft(cmd, actor);
        audit.Action = "cooperation.request.draft";
        db.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public async Task<CooperationRequest> UpdateDraftAsync(Guid id, DraftRequest cmd, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        if (side != Side.Requesting) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (r!.Status != RequestStatus.Draft) throw DomainException.Conflict("not-a-draft", RequestLifecycle.Code(r.Status));
        CheckVersion(r, cmd.Version);
        ApplyDraft(r, cmd, actor, isNew: false);
        Touch(r);
        audit.Action = "cooperation.request.draft";
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Sends a saved draft. Retried with the same key, returns the first result.</summary>
    public async Task<(CooperationRequest Request, bool Replayed)> SubmitDraftAsync(Guid id, string? idempotencyKey, CancellationToken ct)
    {
        var actor = current.Current;
        var key = RequireKey(idempotencyKey);
        var hash = Hash("draft:" + id.ToString("N"));
        if (await ReplayAsync(actor, key, hash, ct) is { } first) return (first, true);

        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        if (side != Side.Requesting) throw new DomainException(FailureKind.Forbidden, "forbidden");
        using var turn = await gate.EnterAsync(r!.Spec.Urgent, ct);
        await SubmitAsync(r!, actor, ct);
        db.Add(new SubmissionKey { ActorId = actor.Id, Key = key, RequestHash = hash, RequestId = r!.Id, CreatedAt = clock.GetUtcNow() });
        return await SaveSubmissionAsync(r, actor, key, hash, ct);
    }

    /// <summary>Drafts and sends in one call (State systems); a retry with the same key never duplicates.</summary>
    public async Task<(CooperationRequest Request, bool Replayed)> SubmitNewAsync(DraftRequest cmd, string? idempotencyKey, CancellationToken ct)
    {
        var actor = current.Current;
        var key = RequireKey(idempotencyKey);
        var hash = Hash("new:" + JsonSerializer.Serialize(Canonical(cmd), Json));
        using var turn = await gate.EnterAsync(RequestCatalogue.TryParse(cmd.Type, out var spec) && spec.Urgent, ct);
        if (actor.StateCode is null || !actor.HasAny(RequestAccess.CooperationRoles)) throw new DomainException(FailureKind.Forbidden, "forbidden");

        // The key is not looked up first: a first submission (nearly all of them) saves without that
        // round trip, and a retry fails on the key's primary key and answers with the first result.
        CooperationRequest r;
        try
        {
            r = NewDraft(cmd, actor);
            db.Add(r);
            await SubmitAsync(r, actor, ct);
        }
        catch (DomainException)
        {
            // A retry of a submission accepted earlier (whose deadline has passed since, say) still gets the first result.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(actor, key, hash, ct) is { } first) return (first, true);
            throw;
        }
        db.Add(new SubmissionKey { ActorId = actor.Id, Key = key, RequestHash = hash, RequestId = r.Id, CreatedAt = clock.GetUtcNow() });
        return await SaveSubmissionAsync(r, actor, key, hash, ct);
    }

    public async Task<CooperationRequest> TransitionAsync(Guid id, TransitionRequest cmd, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        if (!RequestLifecycle.TryParse(cmd.Action, out RequestAction action)) throw DomainException.Invalid("unknown-action", "action");
        if (action == RequestAction.Submit) throw DomainException.Invalid("submit-through-submission", "action");
        CheckVersion(r!, cmd.Version);
        if (action == RequestAction.Acknowledge && r!.Confidential && !cmd.AcceptConfidentiality && side == Side.Requested
            && RequestLifecycle.Allowed(r.Spec, r.Status, side, actor.Roles, r.Channel).Contains(action))
            throw DomainException.Invalid("confidentiality-must-be-accepted", "acceptConfidentiality", "42");

        var from = r!.Status;
        var to = RequestLifecycle.Apply(r.Spec, from, new TransitionInput(action, side, actor.Roles, cmd.Ground?.Trim(), cmd.Reasons?.Trim(), r.Consulted, cmd.AcceptConfidentiality, r.Channel));
        var now = clock.GetUtcNow();
        switch (action)
        {
            case RequestAction.Acknowledge:
                r.AcknowledgedAt = now;
                if (r.Confidential) r.ConfidentialityAcceptedAt = now;
                break;
            case RequestAction.OpenConsultation:
                r.Consulted = true;
                break;
            case RequestAction.Refuse or RequestAction.Postpone:
                r.Ground = cmd.Ground!.Trim();
                r.GroundReasons = cmd.Reasons!.Trim();
                break;
            case RequestAction.Resume:
                r.Ground = null;
                r.GroundReasons = null;
                break;
            case RequestAction.RecordPartialExecution or RequestAction.RecordExecution:
                r.ExecutedAt ??= now;
                // Art. 42: preservation runs from the day the data were preserved.
                if (r.Type == RequestType.ExpeditedPreservation) r.PreservationExpiresAt = PreservationClock.ExpiresAt(r.ExecutedAt.Value, r.PreservationExtensions);
                break;
            case RequestAction.ExtendPreservation:
                r.PreservationExtensions++;
                r.PreservationExpiresAt = PreservationClock.ExpiresAt(r.ExecutedAt ?? now, r.PreservationExtensions);
                r.PreservationReminderAt = null;
                break;
        }
        r.Status = to;
        if (RequestLifecycle.IsFinal(to)) r.OverdueSince = null;
        Touch(r);
        AddEvent(r, actor, RequestLifecycle.Code(action), from, to, action is RequestAction.Refuse or RequestAction.Postpone ? r.Ground : null,
            action is RequestAction.Refuse or RequestAction.Postpone ? r.GroundReasons : null);
        NotifyOtherSide(r, side, "cooperation.request." + RequestLifecycle.Code(action));
        audit.Action = "cooperation.request." + RequestLifecycle.Code(action);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public async Task<RequestMessage> PostMessageAsync(Guid id, PostMessage cmd, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        var kind = cmd.Kind?.Trim() switch
        {
            null or "" or "message" => MessageKind.Message,
            "status-enquiry" => MessageKind.StatusEnquiry,
            "status-reply" => MessageKind.StatusReply,
            _ => throw DomainException.Invalid("invalid-value", "kind"),
        };
        var errors = new List<DomainError>();
        var body = cmd.Body?.Trim() ?? "";
        if (body.Length == 0) errors.Add(DomainError.Required("body"));
        else if (body.Length > 8000) errors.Add(new DomainError("too-long", "body") { Arguments = ["8000"] });
        // Art. 40: the requesting State enquires, the requested State answers.
        if (kind == MessageKind.StatusEnquiry && side != Side.Requesting) errors.Add(new DomainError("enquiry-by-requesting-side", "kind", "40"));
        if (kind == MessageKind.StatusReply && side != Side.Requested) errors.Add(new DomainError("reply-by-requested-side", "kind", "40"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (r!.Status == RequestStatus.Draft) throw DomainException.Conflict("not-yet-submitted");
        if (cmd.InReplyTo is { } parent && !await db.Set<RequestMessage>().AnyAsync(m => m.Id == parent && m.RequestId == id, ct))
            throw DomainException.Invalid("invalid-value", "inReplyTo");

        var m = new RequestMessage
        {
            Id = Guid.CreateVersion7(),
            RequestId = id,
            Kind = kind,
            At = clock.GetUtcNow(),
            AuthorId = actor.Id,
            AuthorName = actor.DisplayName,
            AuthorState = actor.StateCode!,
            Body = body,
            InReplyTo = cmd.InReplyTo,
        };
        db.Add(m);
        Touch(r);
        NotifyOtherSide(r, side, kind switch
        {
            MessageKind.StatusEnquiry => "cooperation.request.status-enquiry",
            MessageKind.StatusReply => "cooperation.request.status-reply",
            _ => "cooperation.request.message",
        });
        audit.Action = "cooperation.request.message";
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task<RequestAttachment> AttachAsync(Guid id, string? fileName, string? contentType, Stream content, long length,
        string? useLimitation, int? retentionDays, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        if (RequestAccess.ContentWithheld(side, r!)) throw DomainException.Conflict("confidentiality-not-accepted");
        var errors = new List<DomainError>();
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length == 0) errors.Add(DomainError.Required("file"));
        else if (name.Length > 255) errors.Add(new DomainError("too-long", "file") { Arguments = ["255"] });
        if (length <= 0) errors.Add(DomainError.Required("file"));
        else if (length > MaxAttachmentBytes) errors.Add(new DomainError("file-too-large", "file") { Arguments = ["10"] });
        if (retentionDays is <= 0 or > 3650) errors.Add(new DomainError("invalid-value", "retentionDays"));
        if (useLimitation?.Length > 2000) errors.Add(new DomainError("too-long", "useLimitation") { Arguments = ["2000"] });
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var a = new RequestAttachment
        {
            Id = Guid.CreateVersion7(),
            RequestId = id,
            FileName = name,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
            Size = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            At = clock.GetUtcNow(),
            UploadedBy = actor.Id,
            UploadedByName = actor.DisplayName,
            UploadedByState = actor.StateCode!,
            UseLimitation = string.IsNullOrWhiteSpace(useLimitation) ? null : useLimitation.Trim(),
            RetentionDays = retentionDays,
        };
        db.Add(a);
        Touch(r!);
        if (r!.Status != RequestStatus.Draft) NotifyOtherSide(r, side, "cooperation.request.attachment");
        audit.Action = "cooperation.request.attach";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Art. 36: the receiving State accepts the sender's use limitations and retention before it opens the document.</summary>
    public async Task<RequestAttachment> AcknowledgeConditionsAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var (r, _, a) = await LoadAttachmentAsync(id, attachmentId, ct);
        var actor = current.Current;
        if (actor.BelongsTo(a.UploadedByState)) throw DomainException.Conflict("own-document");
        if (!a.HasConditions) throw DomainException.Conflict("no-conditions");
        if (a.ConditionsAcknowledgedAt is not null) return a;
        a.ConditionsAcknowledgedAt = clock.GetUtcNow();
        a.ConditionsAcknowledgedBy = actor.Id;
        AddEvent(r, actor, "conditions-acknowledged", null, null, null, a.FileName);
        audit.Action = "cooperation.attachment.acknowledge-conditions";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Art. 36: the receiving State asks the sender's authorisation before passing data to a third State.</summary>
    public async Task<RequestAttachment> RequestOnwardTransferAsync(Guid id, Guid attachmentId, OnwardTransferRequest cmd, CancellationToken ct)
    {
        var (r, side, a) = await LoadAttachmentAsync(id, attachmentId, ct);
        var actor = current.Current;
        if (actor.BelongsTo(a.UploadedByState)) throw DomainException.Conflict("own-document");
        var errors = new List<DomainError>();
        var to = cmd.ToState?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(to)) errors.Add(DomainError.Required("toState", "36"));
        else if (!states.TryGet(to, out _)) errors.Add(new DomainError("unknown-state", "toState"));
        else if (to == r.RequestingState || to == r.RequestedState) errors.Add(new DomainError("not-a-third-state", "toState", "36"));
        if (string.IsNullOrWhiteSpace(cmd.Reasons)) errors.Add(DomainError.Required("reasons", "36"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        a.OnwardTransferRequestedTo = to;
        a.OnwardTransferReasons = cmd.Reasons!.Trim();
        AddEvent(r, actor, "onward-transfer-requested", null, null, null, $"{a.FileName} → {to}");
        NotifyOtherSide(r, side, "cooperation.request.onward-transfer");
        audit.Action = "cooperation.attachment.request-transfer";
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<RequestAttachment> DecideOnwardTransferAsync(Guid id, Guid attachmentId, OnwardTransferDecision cmd, CancellationToken ct)
    {
        var (r, side, a) = await LoadAttachmentAsync(id, attachmentId, ct);
        var actor = current.Current;
        if (!actor.BelongsTo(a.UploadedByState)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (a.OnwardTransferRequestedTo is not { } to) throw DomainException.Conflict("no-transfer-requested");
        if (cmd.Authorise)
            a.OnwardTransferAuthorisedTo = string.Join(",", a.OnwardTransferAuthorisedTo.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(to).Distinct());
        a.OnwardTransferRequestedTo = null;
        AddEvent(r, actor, cmd.Authorise ? "onward-transfer-authorised" : "onward-transfer-refused", null, null, null, $"{a.FileName} → {to}");
        NotifyOtherSide(r, side, "cooperation.request.onward-transfer-decided");
        audit.Action = "cooperation.attachment.decide-transfer";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// One action turns a preservation into the follow-up request for the data (Art. 44), carrying its
    /// reference and facts; both requests show the link.
    /// </summary>
    public async Task<CooperationRequest> CreateFollowUpAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Current;
        var p = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, p);
        if (side != Side.Requesting) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (p!.Type != RequestType.ExpeditedPreservation) throw DomainException.Conflict("not-a-preservation");
        if (p.Status is RequestStatus.Draft or RequestStatus.Withdrawn or RequestStatus.Refused) throw DomainException.Conflict("transition-not-allowed", "follow-up", RequestLifecycle.Code(p.Status));
        if (p.FollowUpRequestId is not null) throw DomainException.Conflict("follow-up-exists");

        var pf = Fields(p);
        var fields = new Dictionary<string, string?>
        {
            [RequestCatalogue.RequestingAuthority] = pf.GetValueOrDefault(RequestCatalogue.RequestingAuthority),
            [RequestCatalogue.Subject] = pf.GetValueOrDefault(RequestCatalogue.Offence),
            [RequestCatalogue.Facts] = pf.GetValueOrDefault(RequestCatalogue.Facts),
            [RequestCatalogue.PreservationReference] = p.Reference,
            [RequestCatalogue.DataSought] = pf.GetValueOrDefault(RequestCatalogue.DataToPreserve),
            [RequestCatalogue.Custodian] = pf.GetValueOrDefault(RequestCatalogue.Custodian),
        };
        var f = NewDraft(new DraftRequest(RequestCatalogue.Of(RequestType.StoredDataAccess).Code, p.RequestedState, p.Language, null, p.Confidential,
            fields, p.ConductTerms.Split(',', StringSplitOptions.RemoveEmptyEntries), null, null), actor);
        f.PrecedingRequestId = p.Id;
        p.FollowUpRequestId = f.Id;
        Touch(p);
        db.Add(f);
        AddEvent(p, actor, "follow-up-drafted", null, null, null, f.Reference);
        audit.Action = "cooperation.request.follow-up";
        await db.SaveChangesAsync(ct);
        return f;
    }

    // ---- internals ----

    private CooperationRequest NewDraft(DraftRequest cmd, Domain.Trust.Actor actor)
    {
        var now = clock.GetUtcNow();
        var r = new CooperationRequest
        {
            Id = Guid.CreateVersion7(),
            RequestingState = actor.StateCode!,
            Status = RequestStatus.Draft,
            CreatedBy = actor.Id,
            CreatedByName = actor.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyDraft(r, cmd, actor, isNew: true);
        r.Reference = $"{r.RequestingState}-{r.RequestedState}-{now.Year}-{r.Id.ToString("N")[^8..].ToUpperInvariant()}";
        return r;
    }

    /// <summary>What a draft may be saved with: anything but unknown fields, another type's fields, or impossible values.</summary>
    private void ApplyDraft(CooperationRequest r, DraftRequest cmd, Domain.Trust.Actor actor, bool isNew)
    {
        var errors = new List<DomainError>();
        TypeSpec? spec = null;
        if (string.IsNullOrWhiteSpace(cmd.Type)) errors.Add(DomainError.Required("type"));
        else if (!RequestCatalogue.TryParse(cmd.Type, out spec)) errors.Add(new DomainError("unknown-request-type", "type"));
        else if (!isNew && spec.Type != r.Type && r.PrecedingRequestId is not null) errors.Add(new DomainError("type-fixed-by-chain", "type"));
        var to = cmd.RequestedState?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(to)) errors.Add(DomainError.Required("requestedState"));
        else if (!states.TryGet(to, out _)) errors.Add(new DomainError("unknown-state", "requestedState"));
        else if (to == actor.StateCode) errors.Add(new DomainError("requested-state-is-own", "requestedState"));
        var language = Languages.Normalise(cmd.Language) ?? (string.IsNullOrWhiteSpace(cmd.Language) ? "en" : null);
        if (language is null) errors.Add(new DomainError("unsupported-language", "language"));
        Channel channel = default;
        if (!string.IsNullOrWhiteSpace(cmd.Channel) && !Codes.TryParseChannel(cmd.Channel, out channel)) errors.Add(new DomainError("invalid-value", "channel"));
        var fields = (cmd.Fields ?? new Dictionary<string, string?>())
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value!.Trim(), StringComparer.Ordinal);
        if (spec is not null) errors.AddRange(RequestContent.CheckDraft(spec, fields));
        var terms = (cmd.ConductTerms ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Any(t => t.Length > 80 || t.Contains(','))) errors.Add(new DomainError("invalid-value", "conductTerms"));
        if (cmd.Deadline is { } d && d <= clock.GetUtcNow()) errors.Add(new DomainError("deadline-in-past", "deadline"));
        if (cmd.DeadlineReasons?.Length > 2000) errors.Add(new DomainError("too-long", "deadlineReasons") { Arguments = ["2000"] });
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        r.Type = spec!.Type;
        r.RequestedState = to!;
        r.Language = language!;
        r.Channel = string.IsNullOrWhiteSpace(cmd.Channel) ? RequestLifecycle.DefaultChannel(spec) : channel;
        r.Urgent = spec.Urgent;
        r.Confidential = cmd.Confidential && spec.ConfidentialityAvailable;
        r.FieldsJson = JsonSerializer.Serialize(fields, Json);
        r.ConductTerms = string.Join(",", terms);
        r.DeadlineAt = cmd.Deadline?.ToUniversalTime();
        r.DeadlineReasons = string.IsNullOrWhiteSpace(cmd.DeadlineReasons) ? null : cmd.DeadlineReasons.Trim();
        r.SearchText = SearchTextOf(r, fields);
    }

    private async Task SubmitAsync(CooperationRequest r, Domain.Trust.Actor actor, CancellationToken ct)
    {
        var from = r.Status;
        var to = RequestLifecycle.Apply(r.Spec, from, new TransitionInput(RequestAction.Submit, Side.Requesting, actor.Roles, Channel: r.Channel));
        var profile = await profiles.GetCooperationProfileAsync(r.RequestedState, ct);
        var fields = Fields(r);
        var errors = new List<DomainError>(RequestContent.CheckSubmission(r.Spec, fields, r.Language, profile.AcceptedLanguages));
        // A deadline binds the requested State only with the reasons for it.
        if (r.DeadlineAt is not null && r.DeadlineReasons is null) errors.Add(DomainError.Required("deadlineReasons", "40"));
        var now = clock.GetUtcNow();
        if (r.DeadlineAt is { } d && d <= now) errors.Add(new DomainError("deadline-in-past", "deadline"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        r.Status = to;
        r.SubmittedAt = now;
        if (r.Type == RequestType.EmergencyDisclosure) r.AcknowledgeBy = EmergencyClock.AcknowledgeBy(now, profile.EmergencyAcknowledgementTime);
        if (r.PrecedingRequestId is null && fields.GetValueOrDefault(RequestCatalogue.PreservationReference) is { } reference)
        {
            // A follow-up drafted by hand still finds its preservation, so the preservation is held while it is decided.
            var p = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Reference == reference && x.RequestingState == r.RequestingState
                && x.RequestedState == r.RequestedState && x.Type == RequestType.ExpeditedPreservation && x.FollowUpRequestId == null, ct);
            if (p is not null)
            {
                r.PrecedingRequestId = p.Id;
                p.FollowUpRequestId = r.Id;
                Touch(p);
            }
        }
        Touch(r);
        AddEvent(r, actor, RequestLifecycle.Code(RequestAction.Submit), from, to, null, null);
        notifications.Enqueue(new Notification(r.RequestedState, RequestAccess.RecipientRoles(r.Spec, r.Channel), NotificationKinds.RequestReceived,
            $"/requests/{r.Id}", r.Id, r.Urgent, [r.Reference, r.RequestingState, r.Spec.Code]));
        audit.Action = "cooperation.request.submit";
    }

    private async Task<(CooperationRequest Request, bool Replayed)> SaveSubmissionAsync(CooperationRequest r, Domain.Trust.Actor actor, string key, string hash, CancellationToken ct)
    {
        try
        {
            // A new submission only adds rows: written as plain inserts (a draft sent later changes its row, and is saved as usual).
            await db.SaveAddedRowsAsync(ct);
            LogSubmitted(logger, r.Reference, r.RequestingState, r.RequestedState);
            return (r, false);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // The key was used before (a retry, or two retries racing): the first result is the answer.
            // Any other failure (the storage is full, the connection was lost) is reported as it is.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(actor, key, hash, ct) is { } first) return (first, true);
            throw;
        }
    }

    private async Task<CooperationRequest?> ReplayAsync(Domain.Trust.Actor actor, string key, string hash, CancellationToken ct)
    {
        var seen = await db.Set<SubmissionKey>().AsNoTracking().SingleOrDefaultAsync(k => k.ActorId == actor.Id && k.Key == key, ct);
        if (seen is null) return null;
        if (seen.RequestHash != hash) throw DomainException.Invalid("idempotency-key-reused", "Idempotency-Key");
        return await db.Set<CooperationRequest>().SingleAsync(x => x.Id == seen.RequestId, ct);
    }

    private static string RequireKey(string? key)
    {
        var k = key?.Trim() ?? "";
        if (k.Length == 0) throw DomainException.Invalid("idempotency-key-required", "Idempotency-Key");
        if (k.Length > 100) throw DomainException.Invalid("too-long", "Idempotency-Key");
        return k;
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    // Field order must not change the digest of the same submission.
    private static object Canonical(DraftRequest c) => new
    {
        type = c.Type?.Trim().ToLowerInvariant(),
        to = c.RequestedState?.Trim().ToUpperInvariant(),
        c.Language,
        c.Channel,
        c.Confidential,
        fields = (c.Fields ?? new Dictionary<string, string?>()).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new[] { kv.Key, kv.Value?.Trim() }),
        terms = (c.ConductTerms ?? []).Order(StringComparer.Ordinal),
        c.Deadline,
        c.DeadlineReasons,
    };

    private static void CheckVersion(CooperationRequest r, int? version)
    {
        if (version is { } v && v != r.Version) throw DomainException.Conflict("concurrent-change");
    }

    private void Touch(CooperationRequest r)
    {
        r.UpdatedAt = clock.GetUtcNow();
        r.Version++;
    }

    private void AddEvent(CooperationRequest r, Domain.Trust.Actor actor, string action, RequestStatus? from, RequestStatus? to, string? ground, string? reasons) =>
        db.Add(new RequestEvent
        {
            Id = Guid.CreateVersion7(),
            RequestId = r.Id,
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            ActorState = actor.StateCode,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Ground = ground,
            Reasons = reasons,
        });

    private void NotifyOtherSide(CooperationRequest r, Side side, string kind)
    {
        var (state, roles) = side == Side.Requesting
            ? (r.RequestedState, RequestAccess.RecipientRoles(r.Spec, r.Channel))
            : (r.RequestingState, RequestAccess.CooperationRoles);
        if (side == Side.Requesting && r.Status == RequestStatus.Draft) return;
        var sender = side == Side.Requesting ? r.RequestingState : r.RequestedState;
        // The kinds and arguments the Notifications module publishes (NotificationKinds); anything
        // that is not a message, an enquiry or an acknowledgement is a change of status.
        var (published, args) = kind switch
        {
            "cooperation.request.message" or "cooperation.request.status-reply" => (NotificationKinds.RequestMessage, new[] { r.Reference, sender }),
            "cooperation.request.status-enquiry" => (NotificationKinds.RequestEnquiry, new[] { r.Reference, sender }),
            "cooperation.request.acknowledge" => (NotificationKinds.RequestAcknowledged, new[] { r.Reference, sender }),
            _ => (NotificationKinds.RequestStatusChanged, new[] { r.Reference, RequestLifecycle.Code(r.Status), sender }),
        };
        notifications.Enqueue(new Notification(state, roles, published, $"/requests/{r.Id}", r.Id, r.Urgent, args));
    }

    internal static Dictionary<string, string?> Fields(CooperationRequest r) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(r.FieldsJson, Json) ?? new();

    private static string SearchTextOf(CooperationRequest r, IReadOnlyDictionary<string, string?> fields)
    {
        var text = string.Join(" ", new[] { r.Reference, fields.GetValueOrDefault(RequestCatalogue.Subject), fields.GetValueOrDefault(RequestCatalogue.Offence), fields.GetValueOrDefault(RequestCatalogue.RequestingAuthority) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        text = text.ToLowerInvariant();
        return text.Length > 600 ? text[..600] : text;
    }

    private async Task<(CooperationRequest, Side, RequestAttachment)> LoadAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        var a = await db.Set<RequestAttachment>().SingleOrDefaultAsync(x => x.Id == attachmentId && x.RequestId == id, ct);
        if (a is null || RequestAccess.ContentWithheld(side, r!)) throw DomainException.NotFound("attachment");
        return (r!, side, a);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Reference} submitted by {From} to {To}")]
    private static partial void LogSubmitted(ILogger logger, string reference, string from, string to);
}
