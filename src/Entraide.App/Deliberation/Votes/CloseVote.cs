using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Votes;

public sealed record CloseVote(int Version);

/// <summary>The secretariat closes the vote; a vote on a draft as a whole decides the draft in the same save.</summary>
public sealed class CloseVoteHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, VoteQueries votes)
    : IHandler
{
    public async Task<Vote> HandleAsync(Guid voteId, CloseVote command, CancellationToken ct)
    {
        var actor = current.Current;
        var v = await votes.LoadAsync(voteId, ct);
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var outcome = v.Close(actor, command.Version, clock.GetUtcNow());
        if (v.DraftId is { } draftId && v.IsOnWholeDraft)
            (await db.Set<DraftResolution>().SingleAsync(d => d.Id == draftId, ct)).Decide(outcome);
        audit.Action = "deliberation.vote.close";
        await db.SaveChangesAsync(ct);
        return v;
    }
}
