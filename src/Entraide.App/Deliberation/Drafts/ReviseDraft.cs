using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;

namespace Entraide.App.Deliberation.Drafts;

public sealed record ReviseDraft(string? Title, IReadOnlyList<ParagraphInput?>? Paragraphs, string? BudgetImplications, int Version);

/// <summary>A main sponsor (or the secretariat) adds a revision, kept whole; an issued draft's revisions are /Rev.1, /Rev.2…</summary>
public sealed class ReviseDraftHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, DraftQueries drafts)
    : IHandler
{
    public async Task<DraftResolution> HandleAsync(Guid draftId, ReviseDraft command, CancellationToken ct)
    {
        var actor = current.Current;
        var d = await drafts.LoadAsync(draftId, ct);
        if (!DraftAccess.CanEdit(actor, d))
        {
            if (d.Status == DraftStatus.Working) throw DomainException.NotFound("draft");
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        }
        d.Revise(actor, command.Title, DraftParagraphs.Parse(command.Paragraphs), command.BudgetImplications, command.Version, clock.GetUtcNow());
        audit.Action = "deliberation.draft.revise";
        await db.SaveChangesAsync(ct);
        return d;
    }
}
