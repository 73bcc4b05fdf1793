using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Network.Authorities;

/// <summary>The State's administrators designate an authority or point of contact: a new version of the profile.</summary>
public sealed class CreateAuthorityHandler(EntraideDbContext db, ProfileChanges changes, ICurrentActor current, TimeProvider clock,
    StateDirectory states) : IHandler
{
    public async Task<AuthorityView> HandleAsync(string state, AuthorityInput input, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        var actor = current.Current;
        actor.EnsureCanChange(state, Roles.StateAdministrator);
        var details = input.ToDetails();
        var profile = await changes.LoadAsync(state, null, ct);
        var now = clock.GetUtcNow();
        var authority = Authority.Designate(state, details, actor, now);
        db.Add(authority);
        await changes.CommitAsync(profile, "network.authority.create", ct);
        return Views.Of(authority, Audience.Owner, now);
    }
}
