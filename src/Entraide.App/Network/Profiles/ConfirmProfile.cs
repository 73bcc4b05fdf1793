using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Network.Profiles;

/// <param name="ExpectedVersion">The version the administrator confirms; a different current version answers 409.</param>
public sealed record ConfirmProfile(int? ExpectedVersion);

/// <summary>The administrators confirm the profile is still accurate: the twelve-month reminder starts again.</summary>
public sealed class ConfirmProfileHandler(ProfileChanges changes, ProfileQueries queries, ICurrentActor current, StateDirectory states) : IHandler
{
    public async Task<ProfileView> HandleAsync(string state, ConfirmProfile command, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var profile = await changes.LoadAsync(state, command.ExpectedVersion, ct);
        await changes.CommitAsync(profile, "network.profile.confirm", ct);
        return await queries.GetAsync(state, Languages.Default, ct);
    }
}
