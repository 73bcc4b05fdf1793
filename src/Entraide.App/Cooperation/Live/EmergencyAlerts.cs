using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Live;

/// <summary>An emergency request as the requested State's 24/7 point is alerted to it, with the clock it runs against.</summary>
/// <param name="Escalated">The acknowledgement time ran out and the State's other contacts were alerted.</param>
public sealed record EmergencyAlert(Guid Id, string Reference, string RequestingState, DateTimeOffset? SubmittedAt, DateTimeOffset? AcknowledgeBy,
    bool Escalated, string Link);

/// <summary>
/// The emergency requests of the viewer's State that await acknowledgement: the ones open when a page is
/// drawn, and each one as the notification of its arrival (or escalation) reaches the viewer's inbox.
/// </summary>
public sealed class EmergencyAlerts(EntraideDbContext db, ICurrentActor current)
{
    /// <summary>How many open emergencies a page lists at most (more is a crisis the inbox shows in full).</summary>
    public const int Limit = 20;

    /// <summary>True when the viewer is a 24/7 point of contact of a State: the people the alerts are for.</summary>
    public bool IsFor(Actor actor) => actor.StateCode is not null && actor.Has(Roles.PointOfContact);

    /// <summary>The viewer's State's emergencies that nobody acknowledged yet, oldest first; none for anyone but its 24/7 point.</summary>
    public async Task<IReadOnlyList<EmergencyAlert>> OpenAsync(CancellationToken ct)
    {
        var actor = current.Current;
        if (!IsFor(actor)) return [];
        var state = actor.StateCode;
        var rows = await db.Set<CooperationRequest>().AsNoTracking()
            .Where(r => r.RequestedState == state && r.Status != RequestStatus.Draft && r.Urgent && r.Type == RequestType.EmergencyDisclosure
                && r.AcknowledgedAt == null && r.Status != RequestStatus.Executed && r.Status != RequestStatus.Refused
                && r.Status != RequestStatus.Withdrawn)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(Limit)
            .Select(r => new { r.Id, r.Reference, r.RequestingState, r.SubmittedAt, r.AcknowledgeBy, r.EscalatedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new EmergencyAlert(r.Id, r.Reference, r.RequestingState, r.SubmittedAt, r.AcknowledgeBy, r.EscalatedAt != null,
            $"/requests/{r.Id}"))];
    }

    /// <summary>
    /// Among <paramref name="ids"/> (alerts already shown to <paramref name="actor"/>), the emergencies of its State that no longer
    /// await acknowledgement, each with the event that clears its banner: <c>acknowledged</c>, <c>withdrawn</c>, or <c>closed</c>
    /// (refused, executed, or gone). Only the actor's State's incoming requests are read.
    /// </summary>
    public async Task<IReadOnlyList<(EmergencyAlert Alert, string Event)>> ClearedAsync(Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken ct)
    {
        if (!IsFor(actor) || ids.Count == 0) return [];
        var state = actor.StateCode;
        var rows = await db.Set<CooperationRequest>().AsNoTracking().Where(r => ids.Contains(r.Id) && r.RequestedState == state)
            .Select(r => new { r.Id, r.Reference, r.RequestingState, r.SubmittedAt, r.AcknowledgeBy, r.EscalatedAt, r.AcknowledgedAt, r.Status })
            .ToListAsync(ct);
        var found = rows.ToDictionary(r => r.Id);
        var cleared = new List<(EmergencyAlert, string)>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var r))
            {
                cleared.Add((new EmergencyAlert(id, "", "", null, null, false, $"/requests/{id}"), "closed"));
                continue;
            }
            var open = r.AcknowledgedAt is null && !RequestLifecycle.IsFinal(r.Status);
            if (open) continue;
            var kind = r.Status == RequestStatus.Withdrawn ? "withdrawn" : r.AcknowledgedAt is not null ? "acknowledged" : "closed";
            cleared.Add((new EmergencyAlert(r.Id, r.Reference, r.RequestingState, r.SubmittedAt, r.AcknowledgeBy, r.EscalatedAt is not null,
                $"/requests/{r.Id}"), kind));
        }
        return cleared;
    }

    /// <summary>
    /// The alert a live notification of <paramref name="actor"/>'s inbox stands for: an emergency request of its State that
    /// arrived or escalated; null for any other notification, and for a request the actor is not the requested party of.
    /// </summary>
    public async Task<EmergencyAlert?> OfAsync(Actor actor, string kind, Guid? subjectId, CancellationToken ct)
    {
        if (!IsFor(actor) || subjectId is not { } id) return null;
        if (kind is not (NotificationKinds.RequestReceived or NotificationKinds.EmergencyEscalated)) return null;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        // The inbox item was addressed to this account; the request's parties decide once more.
        if (r is null || r.Type != RequestType.EmergencyDisclosure || RequestAccess.SideOf(actor, r) != Side.Requested) return null;
        if (r.AcknowledgedAt is not null || RequestLifecycle.IsFinal(r.Status)) return null;
        return new EmergencyAlert(r.Id, r.Reference, r.RequestingState, r.SubmittedAt, r.AcknowledgeBy, r.EscalatedAt is not null,
            $"/requests/{r.Id}");
    }
}
