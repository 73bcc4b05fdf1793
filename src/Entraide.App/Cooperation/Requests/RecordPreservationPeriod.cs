using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <param name="Days">How long the requested State preserves the data: 60 to 365 days (Art. 42 sets the 60).</param>
/// <param name="Version">The version the period was entered at: a change since answers 409.</param>
public sealed record RecordPreservationPeriod(int? Days, int? Version = null);

/// <summary>The requested State records the period it actually preserves the data for; the requesting State is told.</summary>
public sealed class RecordPreservationPeriodHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    RequestNotices notices) : IHandler
{
    public async Task<CooperationRequest> HandleAsync(Guid requestId, RecordPreservationPeriod command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        r!.RecordPreservationPeriod(command.Days, side, actor, clock.GetUtcNow(), command.Version);
        notices.Changed(r, side);
        audit.Action = "cooperation.request.preservation-period";
        await db.SaveChangesAsync(ct);
        return r;
    }
}
