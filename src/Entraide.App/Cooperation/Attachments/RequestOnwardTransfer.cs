using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Attachments;

/// <summary>The receiving State asks the sender's authorisation to pass a document to a third State (Art. 36).</summary>
public sealed record RequestOnwardTransfer(string? ToState, string? Reasons);

public sealed class RequestOnwardTransferHandler(
    EntraideDbContext db,
    ICurrentActor current,
    AuditRecorder audit,
    TimeProvider clock,
    StateDirectory states,
    RequestNotices notices) : IHandler
{
    public async Task<RequestAttachment> HandleAsync(Guid requestId, Guid attachmentId, RequestOnwardTransfer command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var a = await db.Set<RequestAttachment>().SingleOrDefaultAsync(x => x.Id == attachmentId && x.RequestId == requestId, ct);
        r!.RequestOnwardTransfer(a, command.ToState, command.Reasons, side, actor, clock.GetUtcNow(), states);
        notices.Changed(r, side);
        audit.Action = "cooperation.attachment.request-transfer";
        await db.SaveChangesAsync(ct);
        return a!;
    }
}
