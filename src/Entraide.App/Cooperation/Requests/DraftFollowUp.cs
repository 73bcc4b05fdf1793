using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>Drafts the stored-data request that follows a preservation (Art. 44).</summary>
public sealed record DraftFollowUp(Guid PreservationId);

/// <summary>
/// One action turns a preservation into the follow-up request for the data, carrying its reference and
/// facts; the requesting side sees the link on both, the requested side once the follow-up is sent. A
/// second follow-up of the same preservation is refused (409), by the verb or, for two drafted at once,
/// by the unique index on the follow-up's link.
/// </summary>
public sealed class DraftFollowUpHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
    : IHandler
{
    public async Task<CooperationRequest> HandleAsync(DraftFollowUp command, CancellationToken ct)
    {
        var actor = current.Current;
        var p = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == command.PreservationId, ct);
        var side = RequestAccess.Require(actor, p);
        var drafted = await db.Set<CooperationRequest>().AnyAsync(x => x.PrecedingRequestId == command.PreservationId, ct);
        var f = p!.DraftFollowUp(side, actor, clock.GetUtcNow(), states, drafted);
        db.Add(f);
        audit.Action = "cooperation.request.follow-up";
        await db.SaveChangesAsync(ct);
        return f;
    }
}
