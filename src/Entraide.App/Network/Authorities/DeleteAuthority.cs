using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Network.Authorities;

/// <param name="ExpectedVersion">The authority's version the withdrawal was decided on; another answers 409.</param>
public sealed record DeleteAuthority(int? ExpectedVersion);

/// <summary>The State's administrators withdraw an authority; earlier versions of the profile still show it.</summary>
public sealed class DeleteAuthorityHandler(EntraideDbContext db, AuthorityQueries authorities, ProfileChanges changes, ICurrentActor current,
    StateDirectory states) : IHandler
{
    public async Task HandleAsync(string state, Guid authorityId, DeleteAuthority command, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var authority = await authorities.FindForChangeAsync(state, authorityId, ct);
        authority.EnsureVersion(command.ExpectedVersion);
        var profile = await changes.LoadAsync(state, null, ct);
        db.Remove(authority);
        await changes.CommitAsync(profile, "network.authority.delete", ct);
    }
}
