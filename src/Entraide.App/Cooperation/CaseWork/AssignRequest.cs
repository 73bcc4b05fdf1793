using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.CaseWork;

/// <param name="Assignee">
/// The account id of an officer of the caller's own State (<c>GET …/assignment</c> lists them); null or blank to leave the
/// request with nobody in charge (as <c>DELETE …/assignment</c> does).
/// </param>
public sealed record AssignRequest(string? Assignee);

/// <summary>
/// A central authority puts an officer of its own State in charge of a request, or nobody; the other State never learns of it.
/// The officer now in charge is told in their own inbox, and so is the officer who was, when someone else (or nobody) is.
/// </summary>
public sealed class AssignRequestHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, Officers officers,
    INotifications notifications) : IHandler
{
    /// <summary>The assignment now in force; null when the request was left with nobody in charge.</summary>
    public async Task<RequestAssignment?> HandleAsync(Guid requestId, AssignRequest command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var state = actor.StateCode!;
        var existing = await db.Set<RequestAssignment>().SingleOrDefaultAsync(a => a.RequestId == requestId && a.StateCode == state, ct);
        var before = existing?.AssigneeId;
        RequestAssignment? assignment = null;
        if (string.IsNullOrWhiteSpace(command.Assignee))
        {
            if (RequestAssignment.Clear(r!, existing, side, actor) is { } removed) db.Remove(removed);
            audit.Action = "cooperation.request.unassign";
        }
        else
        {
            var officer = await officers.FindAsync(state, command.Assignee, ct);
            assignment = RequestAssignment.Assign(r!, existing, side, officer, actor, clock.GetUtcNow());
            if (existing is null) db.Add(assignment);
            audit.Action = "cooperation.request.assign";
        }
        Tell(r!, state, actor, before, assignment?.AssigneeId);
        await db.SaveChangesAsync(ct);
        return assignment;
    }

    /// <summary>The officer put in charge hears of it, and so does the one who no longer is; nobody hears of an assignment kept as it was.</summary>
    private void Tell(CooperationRequest r, string state, Actor actor, string? before, string? after)
    {
        if (before == after) return;
        if (after is not null) Notify(r, state, actor, NotificationKinds.RequestAssigned, after);
        if (before is not null) Notify(r, state, actor, NotificationKinds.RequestUnassigned, before);
    }

    private void Notify(CooperationRequest r, string state, Actor actor, string kind, string accountId) =>
        notifications.Enqueue(new Notification(state, RequestAccess.CooperationRoles, kind, $"/requests/{r.Id}", r.Id, Urgent: false,
            [r.Reference, actor.DisplayName], Accounts: [accountId]));
}
