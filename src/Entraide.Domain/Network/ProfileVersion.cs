using Entraide.Domain.Trust;

namespace Entraide.Domain.Network;

/// <summary>The whole profile (with its authorities) as it stood after one change: earlier versions stay readable.</summary>
public sealed class ProfileVersion : IStateOwned
{
    private ProfileVersion() { }

    public Guid Id { get; private set; }
    public string State { get; private set; } = "";
    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    /// <summary>The operation that produced it, e.g. <c>network.authority.update</c>.</summary>
    public string Change { get; private set; } = "";

    /// <summary>The profile and its authorities as they then stood, as JSON.</summary>
    public string Snapshot { get; private set; } = "";

    string? IStateOwned.OwnerState => State;

    /// <summary>The version a change has just given <paramref name="profile"/> (after <see cref="StateProfile.RecordChange"/>).</summary>
    public static ProfileVersion Of(StateProfile profile, string snapshot, Actor by, string change, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        State = profile.State,
        Number = profile.Version,
        At = at,
        ActorId = by.Id,
        ActorName = by.DisplayName,
        Change = change,
        Snapshot = snapshot,
    };
}
