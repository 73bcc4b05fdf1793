using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Attachments;

/// <summary>The sending State authorises (or refuses) the onward transfer the receiver asked for.</summary>
public sealed record DecideOnwardTransfer(bool Authorise);

public sealed class DecideOnwardTransferHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    RequestNotices notices)
    : IHandler
{
    public async Task<RequestAttachment> HandleAsync(Guid requestId, Guid attachmentId, DecideOnwardTransfer command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var a = await db.Set<RequestAttachment>().SingleOrDefaultAsync(x => x.Id == attachmentId && x.RequestId == requestId, ct);
        r!.DecideOnwardTransfer(a, command.Authorise, side, actor, clock.GetUtcNow());
        notices.Changed(r, side);
        audit.Action = "cooperation.attachment.decide-transfer";
        await db.SaveChangesAsync(ct);
        return a!;
    }
}
