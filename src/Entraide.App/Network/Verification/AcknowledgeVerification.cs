using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Register;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Verification;

/// <summary>
/// The point (or its State's administrators) confirms it received the message. A late answer is kept
/// late: the register shows the point reachable again, the round's summary still counts it late.
/// </summary>
public sealed class AcknowledgeVerificationHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    StateDirectory states, RegisterSnapshot register) : IHandler
{
    public async Task<CheckView> HandleAsync(Guid checkId, CancellationToken ct)
    {
        var actor = current.Current;
        var check = await db.Set<VerificationCheck>().SingleOrDefaultAsync(c => c.Id == checkId, ct)
            ?? throw DomainException.NotFound("check");
        actor.EnsureCanChange(check.State, Roles.PointOfContact, Roles.StateAdministrator);
        var now = clock.GetUtcNow();
        check.Acknowledge(actor, now);
        var point = await db.Set<Authority>().SingleOrDefaultAsync(a => a.Id == check.AuthorityId, ct);
        if (point is not null)
        {
            var laterSent = await db.Set<VerificationCheck>().AnyAsync(c => c.AuthorityId == point.Id && c.SentAt > check.SentAt, ct);
            point.Verified(now, laterSent);
        }
        audit.Action = "network.verification.acknowledge";
        await db.SaveChangesAsync(ct);
        register.Invalidate();
        return CheckView.Of(check, states, Languages.Default, now, null);
    }
}
