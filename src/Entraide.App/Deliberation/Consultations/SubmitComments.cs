using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Consultations;

public sealed record AttachmentUpload(string? FileName, string? ContentType, string? ContentBase64);

public sealed record SubmitComments(string? Language, string? Text, IReadOnlyList<AttachmentUpload?>? Attachments);

/// <summary>
/// The caller's State submits its comments, or replaces them (text and files) while the consultation is
/// open for it: before the deadline, or until the late acceptance the secretariat granted it.
/// </summary>
public sealed class SubmitCommentsHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    ConsultationQueries consultations) : IHandler
{
    public async Task<Submission> HandleAsync(Guid consultationId, SubmitComments command, CancellationToken ct)
    {
        var c = await consultations.LoadAsync(consultationId, ct, tracking: false);
        var actor = current.Current;
        if (actor.StateCode is not { } state || !actor.Has(Roles.Delegate)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var files = Decode(command.Attachments);
        Submission.Check(command.Text, command.Language, files);

        var now = clock.GetUtcNow();
        var lateUntil = await db.Set<LateAcceptance>().Where(l => l.ConsultationId == consultationId && l.State == state)
            .Select(l => (DateTimeOffset?)l.Until).ToListAsync(ct);
        var schedule = c.Schedule();
        schedule.EnsureCanSubmit(now, lateUntil.Count == 0 ? null : lateUntil.Max());

        var s = await db.Set<Submission>().Include(x => x.Texts).Include(x => x.Attachments).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.ConsultationId == consultationId && x.State == state, ct);
        if (s is null)
        {
            s = Submission.First(consultationId, state);
            db.Add(s);
        }
        s.Replace(command.Language, command.Text, files, late: !schedule.IsOpenAt(now), actor, now);
        audit.Action = "deliberation.submission.submit";
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>The files in base64, decoded; a missing or undecodable one is refused beside the field.</summary>
    private static List<SubmissionFile> Decode(IReadOnlyList<AttachmentUpload?>? uploads)
    {
        var files = new List<SubmissionFile>();
        var errors = new List<DomainError>();
        foreach (var a in uploads ?? [])
        {
            if (a is null)
            {
                errors.Add(new DomainError("invalid-value", "attachments"));
                continue;
            }
            try { files.Add(new SubmissionFile(a.FileName, a.ContentType, Convert.FromBase64String(a.ContentBase64 ?? ""))); }
            catch (FormatException) { errors.Add(new DomainError("invalid-value", "attachments")); }
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return files;
    }
}
