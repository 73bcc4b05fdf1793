using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <param name="Action">Lifecycle action code, e.g. <c>acknowledge</c>, <c>refuse</c>.</param>
/// <param name="AcceptConfidentiality">The requested side's undertaking to keep a confidential request confidential.</param>
/// <param name="Version">The version the step was chosen at: a change since answers 409.</param>
public sealed record TransitionRequest(string? Action, string? Ground, string? Reasons, bool AcceptConfidentiality = false, int? Version = null);

/// <summary>
/// Takes a step in a request's life, for the side the caller is on, and tells the other side; a step on an emergency
/// request wakes the open live streams, whose banners clear once it no longer awaits acknowledgement.
/// </summary>
public sealed class TransitionRequestHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    RequestNotices notices, Live.EmergencyChanges emergencies)
    : IHandler
{
    public async Task<CooperationRequest> HandleAsync(Guid requestId, TransitionRequest command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        if (!RequestLifecycle.TryParse(command.Action, out RequestAction action)) throw DomainException.Invalid("unknown-action", "action");
        r!.Transition(action, side, actor, clock.GetUtcNow(), command.Ground, command.Reasons, command.AcceptConfidentiality, command.Version);
        notices.StepTaken(r, side, action);
        audit.Action = "cooperation.request." + RequestLifecycle.Code(action);
        await db.SaveChangesAsync(ct);
        if (r.Type == RequestType.EmergencyDisclosure) emergencies.Changed();
        return r;
    }
}
