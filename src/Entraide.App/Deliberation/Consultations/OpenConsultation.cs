using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Notifications;

namespace Entraide.App.Deliberation.Consultations;

public sealed record OpenConsultation(
    string? Title, string? Question, string? Invitation, string? Introduction, string? Language, string? Symbol,
    DateTimeOffset? Deadline, IReadOnlyList<string?>? InvitedStates);

/// <summary>The secretariat opens a consultation and tells the States it invites.</summary>
public sealed class OpenConsultationHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    StateDirectory states,
    ConsultationNotices notices) : IHandler
{
    public async Task<Consultation> HandleAsync(OpenConsultation command, CancellationToken ct)
    {
        var actor = current.Current;
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var c = Consultation.Open(new ConsultationInvitation(command.Title, command.Question, command.Invitation, command.Introduction,
            command.Language, command.Symbol, command.Deadline, command.InvitedStates), states, actor, clock.GetUtcNow());
        audit.Action = "deliberation.consultation.open";
        db.Add(c);
        notices.Tell(c, NotificationKinds.ConsultationOpened);
        await db.SaveChangesAsync(ct);
        return c;
    }
}
