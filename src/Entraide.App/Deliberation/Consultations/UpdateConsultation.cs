using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;

namespace Entraide.App.Deliberation.Consultations;

public sealed record UpdateConsultation(string? Introduction, string? Symbol, int Version);

/// <summary>The secretariat sets the compilation's introduction and symbol.</summary>
public sealed class UpdateConsultationHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, ConsultationQueries consultations)
    : IHandler
{
    public async Task<Consultation> HandleAsync(Guid consultationId, UpdateConsultation command, CancellationToken ct)
    {
        var c = await consultations.LoadAsync(consultationId, ct);
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        c.Update(command.Introduction, command.Symbol, command.Version);
        audit.Action = "deliberation.consultation.update";
        await db.SaveChangesAsync(ct);
        return c;
    }
}
