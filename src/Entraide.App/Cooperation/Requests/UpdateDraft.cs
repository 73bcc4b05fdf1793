using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>
/// Replaces the content of a draft. The command is the draft's content (<see cref="DraftRequest"/>, the
/// body the drafting endpoint takes too), with the version it was read at.
/// </summary>
public sealed class UpdateDraftHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
    : IHandler
{
    public async Task<CooperationRequest> HandleAsync(Guid requestId, DraftRequest command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        r!.UpdateDraft(command.Content, side, clock.GetUtcNow(), states, command.Version);
        audit.Action = "cooperation.request.draft";
        await db.SaveChangesAsync(ct);
        return r;
    }
}
