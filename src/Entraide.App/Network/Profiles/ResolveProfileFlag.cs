using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

public sealed record ResolveProfileFlag(string? Resolution);

/// <summary>Closes a flag: the State says what it did, or the secretariat withdraws it.</summary>
public sealed class ResolveProfileFlagHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    StateDirectory states) : IHandler
{
    public async Task<FlagView> HandleAsync(string state, Guid flagId, ResolveProfileFlag command, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        var actor = current.Current;
        actor.EnsureCanSee(state);
        var flag = await db.Set<ProfileFlag>().SingleOrDefaultAsync(f => f.Id == flagId && f.State == state, ct)
            ?? throw DomainException.NotFound("flag");
        flag.Resolve(command.Resolution, actor, clock.GetUtcNow());
        audit.Action = "network.flag.resolve";
        await db.SaveChangesAsync(ct);
        return Views.Of(flag);
    }
}
