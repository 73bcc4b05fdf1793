using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <param name="Kind"><c>message</c> (the default), <c>status-enquiry</c> (requesting side) or <c>status-reply</c> (requested side).</param>
/// <param name="InReplyTo">The message of the same request this one answers.</param>
public sealed record PostMessage(string? Kind, string? Body, Guid? InReplyTo);

/// <summary>Adds a message to a request's thread and tells the other side.</summary>
public sealed class PostMessageHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, RequestNotices notices)
    : IHandler
{
    public async Task<RequestMessage> HandleAsync(Guid requestId, PostMessage command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var kind = MessageKind.Message;
        if (!string.IsNullOrWhiteSpace(command.Kind) && !RequestCodes.TryParse(command.Kind, out kind))
            throw DomainException.Invalid("invalid-value", "kind");
        var parent = command.InReplyTo is { } p
            ? await db.Set<RequestMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == p && m.RequestId == requestId, ct)
            : null;
        var message = r!.PostMessage(kind, command.Body, command.InReplyTo, parent, side, actor, clock.GetUtcNow());
        notices.MessagePosted(r, side, kind);
        audit.Action = "cooperation.request.message";
        await db.SaveChangesAsync(ct);
        return message;
    }
}
