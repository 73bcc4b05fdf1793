using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Network.Authorities;

/// <summary>The State's administrators change an authority; send its version to be told (409) of a change made meanwhile.</summary>
public sealed class UpdateAuthorityHandler(AuthorityQueries authorities, ProfileChanges changes, ICurrentActor current, TimeProvider clock,
    StateDirectory states) : IHandler
{
    public async Task<AuthorityView> HandleAsync(string state, Guid authorityId, AuthorityInput input, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        var actor = current.Current;
        actor.EnsureCanChange(state, Roles.StateAdministrator);
        var authority = await authorities.FindForChangeAsync(state, authorityId, ct);
        var details = input.ToDetails();
        authority.EnsureVersion(input.ExpectedVersion);
        var profile = await changes.LoadAsync(state, null, ct);
        var now = clock.GetUtcNow();
        authority.Change(details, input.ExpectedVersion, actor, now);
        await changes.CommitAsync(profile, "network.authority.update", ct);
        return Views.Of(authority, Audience.Owner, now);
    }
}
