using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Network;

namespace Entraide.App.Network.Profiles;

public sealed record RaiseProfileFlag(string? Note);

/// <summary>The secretariat flags something in a profile for the State's administrators; it cannot edit the profile.</summary>
public sealed class RaiseProfileFlagHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    StateDirectory states) : IHandler
{
    public async Task<FlagView> HandleAsync(string state, RaiseProfileFlag command, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        var flag = ProfileFlag.Raise(state, command.Note, current.Current, clock.GetUtcNow());
        db.Add(flag);
        audit.Action = "network.flag.raise";
        await db.SaveChangesAsync(ct);
        return Views.Of(flag);
    }
}
