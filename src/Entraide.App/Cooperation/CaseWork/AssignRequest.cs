using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.CaseWork;

/// <param name="Assignee">The account id of an officer of the caller's own State (<c>GET …/assignment</c> lists them).</param>
public sealed record AssignRequest(string? Assignee);

/// <summary>A central authority puts an officer of its own State in charge of a request; the other State never learns of it.</summary>
public sealed class AssignRequestHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, Officers officers)
    : IHandler
{
    public async Task<RequestAssignment> HandleAsync(Guid requestId, AssignRequest command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var state = actor.StateCode!;
        var officer = await officers.FindAsync(state, command.Assignee, ct);
        var existing = await db.Set<RequestAssignment>().SingleOrDefaultAsync(a => a.RequestId == requestId && a.StateCode == state, ct);
        var assignment = RequestAssignment.Assign(r!, existing, side, officer, actor, clock.GetUtcNow());
        if (existing is null) db.Add(assignment);
        audit.Action = "cooperation.request.assign";
        await db.SaveChangesAsync(ct);
        return assignment;
    }
}
