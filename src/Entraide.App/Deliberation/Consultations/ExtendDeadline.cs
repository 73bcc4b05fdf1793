using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Notifications;

namespace Entraide.App.Deliberation.Consultations;

public sealed record ExtendDeadline(DateTimeOffset? Deadline, string? Reason, int Version);

/// <summary>The secretariat extends the deadline (never shortens it) and tells the invited States.</summary>
public sealed class ExtendDeadlineHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    ConsultationQueries consultations, ConsultationNotices notices) : IHandler
{
    public async Task<Consultation> HandleAsync(Guid consultationId, ExtendDeadline command, CancellationToken ct)
    {
        var actor = current.Current;
        var c = await consultations.LoadAsync(consultationId, ct);
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        c.Extend(command.Deadline, command.Reason, command.Version, actor, clock.GetUtcNow());
        audit.Action = "deliberation.consultation.extend";
        notices.Tell(c, NotificationKinds.ConsultationExtended);
        await db.SaveChangesAsync(ct);
        return c;
    }
}
