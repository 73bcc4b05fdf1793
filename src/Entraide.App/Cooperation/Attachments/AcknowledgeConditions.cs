using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Attachments;

/// <summary>The receiving State accepts the use limitations and retention a document came with (Art. 36).</summary>
public sealed record AcknowledgeConditions(Guid RequestId, Guid AttachmentId);

/// <summary>Records the acceptance once; accepting again changes nothing.</summary>
public sealed class AcknowledgeConditionsHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock) : IHandler
{
    public async Task<RequestAttachment> HandleAsync(AcknowledgeConditions command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == command.RequestId, ct);
        var side = RequestAccess.Require(actor, r);
        var a = await db.Set<RequestAttachment>().SingleOrDefaultAsync(x => x.Id == command.AttachmentId && x.RequestId == command.RequestId, ct);
        if (!r!.AcknowledgeConditions(a, side, actor, clock.GetUtcNow())) return a!;
        audit.Action = "cooperation.attachment.acknowledge-conditions";
        await db.SaveChangesAsync(ct);
        return a!;
    }
}
