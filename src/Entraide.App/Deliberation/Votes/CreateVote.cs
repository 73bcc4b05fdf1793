using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Votes;

public sealed record CreateVote(
    Guid? DraftId, string? DraftSymbol, string? Body, string? AmendmentSymbol, string? ParagraphKind, int? ParagraphNumber,
    DateOnly? Date, string? Method, string? Majority);

/// <summary>The secretariat opens a recorded vote on a draft, an amendment or a paragraph, or records an adoption without a vote.</summary>
public sealed class CreateVoteHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock) : IHandler
{
    public async Task<Vote> HandleAsync(CreateVote command, CancellationToken ct)
    {
        var actor = current.Current;
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        DraftResolution? draft = null;
        if (command.DraftId is { } draftId)
        {
            draft = await db.Set<DraftResolution>().Include(d => d.Sponsors).SingleOrDefaultAsync(d => d.Id == draftId, ct)
                ?? throw DomainException.Invalid("unknown-draft", "draftId");
        }
        var v = Vote.Open(new VoteMotion(command.DraftSymbol, command.Body, command.AmendmentSymbol, command.ParagraphKind, command.ParagraphNumber,
            command.Date, command.Method, command.Majority), draft, actor, clock.GetUtcNow());
        audit.Action = "deliberation.vote.create";
        db.Add(v);
        await db.SaveChangesAsync(ct);
        return v;
    }
}
