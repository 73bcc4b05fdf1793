using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Authorities;

public sealed class AuthorityQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states)
{
    /// <summary>One authority as the caller may see it (an authority is public register data, its fields shown by audience).</summary>
    public async Task<AuthorityView> GetAsync(string state, Guid id, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        var authority = await db.Set<Authority>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.State == state, ct)
            ?? throw DomainException.NotFound("authority");
        return Views.Of(authority, Audiences.Of(current.Current, state), clock.GetUtcNow());
    }

    /// <summary>The State's own authority, tracked for a change; another State's answers as missing.</summary>
    internal async Task<Authority> FindForChangeAsync(string state, Guid id, CancellationToken ct) =>
        await db.Set<Authority>().SingleOrDefaultAsync(a => a.Id == id && a.State == state, ct)
            ?? throw DomainException.NotFound("authority");
}
