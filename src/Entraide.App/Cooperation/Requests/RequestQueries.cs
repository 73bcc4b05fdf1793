using Entraide.App.Cooperation.Attachments;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge;
using Entraide.App.Network;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>Reading requests: one request as the viewer's side sees it, and the inboxes.</summary>
public sealed class RequestQueries(
    EntraideDbContext db,
    ICurrentActor current,
    TimeProvider clock,
    IStateProfiles profiles,
    IDualCriminality dualCriminality,
    AttachmentQueries attachmentQueries)
{
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 200;

    public async Task<RequestView> GetAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        var side = RequestAccess.Require(actor, r);
        return await ViewAsync(r!, side, actor, ct);
    }

    /// <param name="created">
    /// The request was created in this unit of work and just saved: everything it has (its one timeline
    /// event, a linked preservation) is already tracked, so nothing is read back.
    /// </param>
    public async Task<RequestView> ViewAsync(CooperationRequest r, Side side, Actor actor, CancellationToken ct, bool created = false)
    {
        var withheld = RequestAccess.ContentWithheld(side, r);
        List<RequestEvent> events;
        List<RequestMessage> messages;
        List<AttachmentView> attachments;
        var followUp = r.FollowUpRequestId;
        // A follow-up still being drafted is linked from its own side only: the preservation learns of it when it is sent.
        if (followUp is null && side == Side.Requesting && r.Type == RequestType.ExpeditedPreservation && !created)
        {
            followUp = await db.Set<CooperationRequest>().AsNoTracking().Where(x => x.PrecedingRequestId == r.Id).Select(x => (Guid?)x.Id)
                .SingleOrDefaultAsync(ct);
        }
        var links = new[] { r.PrecedingRequestId, followUp }.Where(x => x is not null).Select(x => x!.Value).ToList();
        List<(Guid Id, string Reference, RequestStatus Status)> linked;
        if (created)
        {
            events = [.. r.Events.Where(e => e.IsVisibleTo(side)).OrderBy(e => e.At).ThenBy(e => e.Id)];
            // Just saved, so nothing changed since: the tracked rows are read without comparing them with their snapshots.
            var auto = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                linked = [.. db.ChangeTracker.Entries<CooperationRequest>().Select(e => e.Entity).Where(x => links.Contains(x.Id))
                    .Select(x => (x.Id, x.Reference, x.Status))];
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = auto;
            }
            messages = [];
            attachments = [];
        }
        else
        {
            events = await db.Set<RequestEvent>().AsNoTracking().Where(e => e.RequestId == r.Id && (e.VisibleTo == null || e.VisibleTo == side))
                .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
            messages = withheld ? [] : await db.Set<RequestMessage>().AsNoTracking().Where(m => m.RequestId == r.Id)
                .OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
            attachments = withheld ? [] : await attachmentQueries.OfRequestAsync(r.Id, actor, ct);
            linked = links.Count == 0 ? [] : [.. (await db.Set<CooperationRequest>().AsNoTracking().Where(x => links.Contains(x.Id))
                .Select(x => new { x.Id, x.Reference, x.Status }).ToListAsync(ct)).Select(x => (x.Id, x.Reference, x.Status))];
        }
        // The requested State learns of a linked request only once it was sent to it.
        RequestLink? Link(Guid? id)
        {
            foreach (var l in linked)
            {
                if (l.Id == id && (side == Side.Requesting || l.Status != RequestStatus.Draft))
                    return new RequestLink(l.Id, l.Reference, RequestLifecycle.Code(l.Status));
            }
            return null;
        }
        var requesting = await profiles.GetCooperationProfileAsync(r.RequestingState, ct);
        var requested = await profiles.GetCooperationProfileAsync(r.RequestedState, ct);
        var now = clock.GetUtcNow();
        var allowed = RequestLifecycle.Allowed(r.Spec, r.Status, side, actor.Roles, r.Channel)
            .Where(a => a != RequestAction.Submit || r.Status == RequestStatus.Draft).Select(RequestLifecycle.Code).ToList();
        return new RequestView(
            r.Id, r.Reference, r.Spec.Code, r.Spec.Article, RequestLifecycle.Code(r.Status), RequestCodes.Of(side),
            r.RequestingState, r.RequestedState, RequestCodes.Of(r.Channel), r.Urgent, r.Language, r.Confidential, withheld,
            withheld ? null : r.Fields(), r.ConductTerms.Split(',', StringSplitOptions.RemoveEmptyEntries),
            r.DeadlineAt, r.DeadlineReasons, RequestCodes.Of(DeadlineClock.StateAt(now, r.DeadlineAt, r.Status, r.Urgent)),
            r.CreatedAt, r.UpdatedAt, r.SubmittedAt, r.AcknowledgedAt, r.AcknowledgeBy, r.EscalatedAt, r.ExecutedAt, r.PreservationExpiresAt,
            r.PreservationExtensions, r.Ground, r.GroundReasons, Link(r.PrecedingRequestId), Link(followUp), allowed,
            [.. events.Select(EventViewOf)],
            [.. messages.Select(MessageView.Of)],
            attachments,
            requesting.TimeZone, requested.TimeZone, r.Version, r.PreservationDays ?? PreservationClock.MinimumDays);
    }

    private static EventView EventViewOf(RequestEvent e) => new(e.At, e.Action, e.FromStatus is { } f ? RequestLifecycle.Code(f) : null,
        e.ToStatus is { } t ? RequestLifecycle.Code(t) : null, e.ActorName, e.ActorState, e.Ground, e.Reasons);

    /// <summary>
    /// A State's inbox: incoming (addressed to it, through the viewer's roles) or outgoing (its own), with
    /// the "new", "due soon" and "overdue" buckets, filters and search. Every query starts from the
    /// State and status so it runs on the inbox indexes.
    /// </summary>
    public async Task<InboxPage> InboxAsync(InboxQuery q, CancellationToken ct)
    {
        var actor = current.Current;
        if (actor.StateCode is not { } state || !actor.HasAny(RequestAccess.CooperationRoles))
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        var box = q.Box?.Trim().ToLowerInvariant() switch
        {
            null or "" or "incoming" => "incoming",
            "outgoing" => "outgoing",
            _ => throw DomainException.Invalid("invalid-value", "box"),
        };
        var errors = new List<DomainError>();
        RequestType? type = null;
        if (!string.IsNullOrWhiteSpace(q.Type))
        {
            if (RequestCatalogue.TryParse(q.Type, out var t)) type = t.Type;
            else errors.Add(new DomainError("unknown-request-type", "type"));
        }
        RequestStatus? status = null;
        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            if (RequestLifecycle.TryParse(q.Status, out RequestStatus s)) status = s;
            else errors.Add(new DomainError("invalid-value", "status"));
        }
        var assignedToMe = q.Assigned?.Trim().ToLowerInvariant() switch
        {
            null or "" => false,
            "me" => true,
            _ => AddError(errors, "invalid-value", "assigned"),
        };
        var bucket = q.Bucket?.Trim().ToLowerInvariant();
        if (bucket is not (null or "" or "new" or "due-soon" or "overdue")) errors.Add(new DomainError("invalid-value", "bucket"));
        // A NUL in a search term is refused here: PostgreSQL would fail on it as a parameter.
        var term = TextRules.Check(q.Q, "q", MaxSearchLength, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        var (page, pageSize) = Paging.Clamp(q.Page, q.PageSize, 50, MaxPageSize);

        var now = clock.GetUtcNow();
        var set = db.Set<CooperationRequest>().AsNoTracking();
        IQueryable<CooperationRequest> Base()
        {
            if (box == "outgoing") return set.Where(r => r.RequestingState == state);
            var incoming = set.Where(r => r.RequestedState == state && r.Status != RequestStatus.Draft);
            // The central authority is in copy of everything; the 24/7 point sees the urgent channel, judges the direct one.
            if (actor.Has(Roles.CentralAuthority)) return incoming;
            // Each lane is written as the predicate of its partial index (CooperationRequestConfiguration).
            return (actor.Has(Roles.PointOfContact), actor.Has(Roles.Investigator)) switch
            {
                (true, true) => incoming.Where(r => (r.Urgent || r.Channel == Channel.PointOfContact) || r.Channel == Channel.DirectJudicial),
                (true, false) => incoming.Where(r => r.Urgent || r.Channel == Channel.PointOfContact),
                (false, true) => incoming.Where(r => r.Channel == Channel.DirectJudicial),
                _ => incoming.Where(_ => false),
            };
        }
        var soon = now.AddDays(7);
        IQueryable<CooperationRequest> New(IQueryable<CooperationRequest> x) => x.Where(r => r.Status == RequestStatus.Submitted);
        IQueryable<CooperationRequest> Overdue(IQueryable<CooperationRequest> x) =>
            x.Where(r => r.Status != RequestStatus.Draft && r.Status != RequestStatus.Executed
            && r.Status != RequestStatus.Refused && r.Status != RequestStatus.Withdrawn
            && ((r.DeadlineAt != null && r.DeadlineAt < now) || (r.AcknowledgeBy != null && r.AcknowledgedAt == null && r.AcknowledgeBy < now)));
        IQueryable<CooperationRequest> DueSoon(IQueryable<CooperationRequest> x) =>
            x.Where(r => r.Status != RequestStatus.Draft && r.Status != RequestStatus.Executed
            && r.Status != RequestStatus.Refused && r.Status != RequestStatus.Withdrawn
            && ((r.DeadlineAt != null && r.DeadlineAt >= now && r.DeadlineAt <= soon)
                || (r.AcknowledgeBy != null && r.AcknowledgedAt == null && r.AcknowledgeBy >= now)));

        var query = Base();
        if (type is { } ty) query = query.Where(r => r.Type == ty);
        if (status is { } st) query = query.Where(r => r.Status == st);
        if (assignedToMe)
        {
            var me = actor.Id;
            query = query.Where(r => db.Set<RequestAssignment>().Any(a => a.RequestId == r.Id && a.StateCode == state && a.AssigneeId == me));
        }
        query = bucket switch
        {
            "new" => New(query),
            "due-soon" => DueSoon(query),
            "overdue" => Overdue(query),
            _ => query,
        };
        if (term.Length > 0)
        {
            var like = "%" + term.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var upper = term.ToUpperInvariant();
            query = query.Where(r => r.Reference == upper || EF.Functions.Like(r.SearchText, like, "\\"));
        }
        query = box == "incoming"
            ? query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            : query.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id);
        // The three bucket counts ride on the page's query as uncorrelated subqueries, which both databases
        // evaluate once: one round trip instead of four. An empty page asks for them on their own.
        var newInBox = New(Base());
        var dueSoonInBox = DueSoon(Base());
        var overdueInBox = Overdue(Base());
        var rows = await query.Skip(Paging.Skip(page, pageSize)).Take(pageSize + 1)
            .Select(r => new
            {
                r.Id,
                r.Reference,
                r.Type,
                r.Status,
                r.RequestingState,
                r.RequestedState,
                r.Urgent,
                r.Channel,
                r.SubmittedAt,
                r.UpdatedAt,
                r.DeadlineAt,
                r.AcknowledgeBy,
                r.AcknowledgedAt,
                r.PreservationExpiresAt,
                NewCount = newInBox.Take(InboxCounts.CountLimit).Count(),
                DueSoonCount = dueSoonInBox.Take(InboxCounts.CountLimit).Count(),
                OverdueCount = overdueInBox.Take(InboxCounts.CountLimit).Count(),
            })
            .ToListAsync(ct);
        var items = rows.Take(pageSize).Select(r =>
        {
            var deadline = DeadlineClock.StateAt(now, r.DeadlineAt, r.Status, r.Urgent);
            var lateAck = r.AcknowledgeBy is { } by && r.AcknowledgedAt is null && now > by && !RequestLifecycle.IsFinal(r.Status);
            return new RequestListItem(r.Id, r.Reference, RequestCodes.Of(r.Type), RequestLifecycle.Code(r.Status), r.RequestingState,
                r.RequestedState, r.Urgent, RequestCodes.Of(r.Channel), r.SubmittedAt, r.UpdatedAt, r.DeadlineAt, RequestCodes.Of(deadline),
                r.AcknowledgeBy, deadline == DeadlineState.Overdue || lateAck, r.AcknowledgedAt, r.PreservationExpiresAt);
        }).ToList();
        InboxCounts counts;
        if (rows.Count > 0) counts = new InboxCounts(rows[0].NewCount, rows[0].DueSoonCount, rows[0].OverdueCount);
        else
        {
            // Every bucket is part of the box: an empty box has nothing to count, and one row of it carries the counts.
            var one = await Base().Select(_ => new
            {
                N = newInBox.Take(InboxCounts.CountLimit).Count(),
                D = dueSoonInBox.Take(InboxCounts.CountLimit).Count(),
                O = overdueInBox.Take(InboxCounts.CountLimit).Count(),
            }).FirstOrDefaultAsync(ct);
            counts = one is null ? new InboxCounts(0, 0, 0) : new InboxCounts(one.N, one.D, one.O);
        }
        return new InboxPage(box, items, rows.Count > pageSize, page, counts);
    }

    private static bool AddError(List<DomainError> errors, string code, string field)
    {
        errors.Add(new DomainError(code, field));
        return false;
    }

    /// <summary>The Knowledge module's answer for the drafting assistant; Unknown when no terms are given.</summary>
    public async Task<DualCriminalityAnswer> DualCriminalityAsync(IReadOnlyList<string> terms, string requestedState, CancellationToken ct)
    {
        var actor = current.Current;
        if (terms.Count == 0 || actor.StateCode is null) return new DualCriminalityAnswer(DualCriminalityOutcome.Unknown, []);
        return await dualCriminality.CheckAsync(new DualCriminalityQuestion(terms, actor.StateCode, requestedState), ct);
    }
}
