using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation.Consultations;

public sealed record AcceptLateSubmission(string? State, DateTimeOffset? Until);

/// <summary>The secretariat accepts a submission from one invited State after the deadline, until an instant.</summary>
public sealed class AcceptLateSubmissionHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    StateDirectory states, ConsultationQueries consultations) : IHandler
{
    public async Task<Consultation> HandleAsync(Guid consultationId, AcceptLateSubmission command, CancellationToken ct)
    {
        var actor = current.Current;
        var c = await consultations.LoadAsync(consultationId, ct);
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        db.Add(c.AcceptLate(command.State, command.Until, states, actor, clock.GetUtcNow()));
        audit.Action = "deliberation.consultation.accept-late";
        await db.SaveChangesAsync(ct);
        return c;
    }
}
