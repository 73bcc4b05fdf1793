using Entraide.Domain.Common;

namespace Entraide.Domain.Trust;

/// <summary>An entity that belongs to one State; its audit entries are filed under that State.</summary>
public interface IStateOwned
{
    string? OwnerState { get; }
}

/// <summary>
/// One State's place in a record shared between States (a cooperation request, a joint investigation
/// team): the roles of that State that see the record, and whether it is visible to them yet (a
/// request is visible to the requested State only once submitted).
/// </summary>
/// <param name="Role">What the party is in the record (requesting, requested, leader, member …), returned to the caller.</param>
public sealed record Party(string State, string Role, IReadOnlyCollection<string> Roles, bool Visible = true);

/// <summary>
/// The isolation rule between States, in one place: every module asks here whether an actor may see
/// or change a record. A record the actor may not see does not exist for it (404, never 403), so its
/// existence leaks nothing.
/// </summary>
public static class Isolation
{
    /// <summary>
    /// A record owned by <paramref name="ownerState"/> is visible to its own State and (read-only) to the
    /// secretariat; to anyone else it does not exist.
    /// </summary>
    public static void EnsureCanSee(this Actor actor, string? ownerState)
    {
        if (!CanSee(actor, ownerState)) throw DomainException.NotFound("record");
    }

    public static bool CanSee(this Actor actor, string? ownerState) => actor.IsSecretariat || actor.BelongsTo(ownerState);

    /// <summary>
    /// Only the owning State's accounts holding one of <paramref name="roles"/> (any role when none is
    /// named) may change the record. The secretariat, which sees it, is refused (403); anyone else gets 404.
    /// </summary>
    public static void EnsureCanChange(this Actor actor, string? ownerState, params string[] roles)
    {
        if (!actor.BelongsTo(ownerState))
        {
            if (actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
            throw DomainException.NotFound("record");
        }
        if (roles.Length > 0 && !actor.HasAny(roles)) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }

    /// <summary>
    /// The actor's party in a record shared between the <paramref name="parties"/>, or null when the actor
    /// is in none of them (or its party does not see the record yet): the caller answers 404. The
    /// secretariat is not a party: a shared record is private to the States that share it.
    /// </summary>
    public static Party? PartyOf(this Actor actor, IEnumerable<Party> parties)
    {
        foreach (var p in parties)
        {
            if (p.Visible && actor.BelongsTo(p.State) && p.Roles.Any(actor.Has)) return p;
        }
        return null;
    }

    /// <summary><see cref="PartyOf"/>, raising <see cref="DomainException.NotFound"/> for an actor in no party.</summary>
    public static Party RequireParty(this Actor actor, IEnumerable<Party> parties, string what = "record") =>
        actor.PartyOf(parties) ?? throw DomainException.NotFound(what);
}
