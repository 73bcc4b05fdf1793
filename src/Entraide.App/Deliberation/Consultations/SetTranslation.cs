using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Consultations;

public sealed record SetTranslation(string? Text, string? TranslatedBy);

/// <summary>The secretariat records the translation of a submission into one language (empty text puts it back to awaiting translation).</summary>
public sealed class SetTranslationHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    ConsultationQueries consultations) : IHandler
{
    public async Task<Guid> HandleAsync(Guid consultationId, Guid submissionId, string language, SetTranslation command, CancellationToken ct)
    {
        var actor = current.Current;
        await consultations.LoadAsync(consultationId, ct, tracking: false);
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (!Languages.IsSupported(language)) throw DomainException.Invalid("unsupported-language", "lang");
        var text = await db.Set<SubmissionText>()
            .Join(db.Set<Submission>().Where(s => s.ConsultationId == consultationId && s.Id == submissionId), t => t.SubmissionId, s => s.Id, (t,
                s) => t)
            .SingleOrDefaultAsync(t => t.Language == language, ct) ?? throw DomainException.NotFound("submission");
        text.Translate(command.Text, command.TranslatedBy, actor, clock.GetUtcNow());
        audit.Action = "deliberation.submission.translate";
        await db.SaveChangesAsync(ct);
        return submissionId;
    }
}
