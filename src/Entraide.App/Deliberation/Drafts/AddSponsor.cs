using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation.Drafts;

public sealed record AddSponsor(string? State, DateOnly? JoinedOn);

/// <summary>Adds a sponsor: a main sponsor before issue (recorded by the secretariat), a co-sponsor (with the date it joined) after.</summary>
public sealed class AddSponsorHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states,
    DraftQueries drafts) : IHandler
{
    public async Task<DraftResolution> HandleAsync(Guid draftId, AddSponsor command, CancellationToken ct)
    {
        var d = await drafts.LoadAsync(draftId, ct);
        d.AddSponsor(current.Current, command.State, command.JoinedOn, states, clock.GetUtcNow());
        audit.Action = "deliberation.draft.sponsor";
        await db.SaveChangesAsync(ct);
        return d;
    }
}
