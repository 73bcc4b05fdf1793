using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation.Votes;

public sealed record AddFootnote(string? State, string? Intended, DateOnly? StatedOn);

/// <summary>The secretariat records a State's later statement that it had intended another vote; the ballot stays as cast.</summary>
public sealed class AddFootnoteHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states,
    VoteQueries votes) : IHandler
{
    public async Task<Vote> HandleAsync(Guid voteId, AddFootnote command, CancellationToken ct)
    {
        var actor = current.Current;
        var v = await votes.LoadAsync(voteId, ct);
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        v.AddFootnote(command.State, command.Intended, command.StatedOn, states, actor, clock.GetUtcNow());
        audit.Action = "deliberation.vote.footnote";
        await db.SaveChangesAsync(ct);
        return v;
    }
}
