using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.CaseWork;

public sealed record WriteNote(string? Body);

/// <summary>Adds an internal note of the caller's State to a request: its own officers read it, the other State never does.</summary>
public sealed class WriteNoteHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock) : IHandler
{
    public async Task<InternalNote> HandleAsync(Guid requestId, WriteNote command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var note = InternalNote.Write(r!, side, command.Body, actor, clock.GetUtcNow());
        db.Add(note);
        audit.Action = "cooperation.request.note";
        await db.SaveChangesAsync(ct);
        return note;
    }
}
