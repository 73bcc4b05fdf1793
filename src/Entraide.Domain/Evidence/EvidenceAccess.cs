using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Evidence;

/// <summary>
/// Who sees an item of evidence. The States of its request only (the parties, through <see cref="Isolation.PartyOf"/>):
/// its own State sees it at every step; the other State sees it once sealed: an unfinished or rejected upload is
/// its sender's business. Only its own State's staff terminate its upload; the other State, which may see it, is
/// refused (403), anyone else gets 404.
/// </summary>
public static class EvidenceAccess
{
    public static bool CanSee(Actor actor, IEnumerable<Party> requestParties, EvidenceItem item) =>
        actor.PartyOf(requestParties) is not null && (actor.BelongsTo(item.OwnerStateCode) || item.Status == EvidenceStatus.Sealed);

    public static void EnsureCanSee(Actor actor, IEnumerable<Party> requestParties, EvidenceItem? item)
    {
        if (item is null || !CanSee(actor, requestParties, item)) throw DomainException.NotFound("evidence");
    }

    public static void EnsureCanChange(Actor actor, IEnumerable<Party> requestParties, EvidenceItem? item)
    {
        EnsureCanSee(actor, requestParties, item);
        if (!actor.BelongsTo(item!.OwnerStateCode)) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }
}
