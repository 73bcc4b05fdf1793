using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation.Votes;

public sealed record RecordBallots(IReadOnlyDictionary<string, string?>? Ballots, int Version);

/// <summary>The secretariat enters ballots while the vote is open: <c>{ "ballots": { "FRA": "yes", … }, "version": n }</c>.</summary>
public sealed class RecordBallotsHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, StateDirectory states, VoteQueries votes)
    : IHandler
{
    public async Task<Vote> HandleAsync(Guid voteId, RecordBallots command, CancellationToken ct)
    {
        var v = await votes.LoadAsync(voteId, ct);
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        v.RecordBallots(command.Ballots, command.Version, states);
        audit.Action = "deliberation.vote.ballots";
        await db.SaveChangesAsync(ct);
        return v;
    }
}
