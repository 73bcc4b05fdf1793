using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Evidence;

/// <summary>
/// The items one State sends in one reply to a request. A State has at most one open package per request, which
/// its uploads join; sealing it says the reply is complete, after which no item joins it.
/// </summary>
public sealed class EvidencePackage : IStateOwned
{
    private EvidencePackage()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string OwnerStateCode { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SealedAt { get; private set; }
    public string? SealedBy { get; private set; }
    public int Version { get; private set; }

    public string? OwnerState => OwnerStateCode;

    public bool IsOpen => SealedAt is null;

    public static EvidencePackage Open(Guid requestId, Actor actor, DateTimeOffset now)
    {
        if (actor.StateCode is null) throw new DomainException(FailureKind.Forbidden, "forbidden");
        return new EvidencePackage
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            OwnerStateCode = actor.StateCode,
            CreatedBy = actor.Id,
            CreatedAt = now,
        };
    }

    /// <summary>Whether an item of <paramref name="actor"/>'s State may join this package now.</summary>
    public void EnsureAccepts(Actor actor)
    {
        if (!actor.BelongsTo(OwnerStateCode)) throw DomainException.NotFound("package");
        if (!IsOpen) throw DomainException.Conflict("evidence-package-sealed");
    }

    /// <summary>
    /// Closes the package: it must hold at least one sealed item and no upload still in progress (the statuses of its
    /// items are given).
    /// </summary>
    public void Seal(IReadOnlyCollection<EvidenceStatus> items, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen) throw DomainException.Conflict("evidence-package-sealed");
        if (items.Any(s => s == EvidenceStatus.Uploading)) throw DomainException.Conflict("evidence-package-uploading");
        if (!items.Any(s => s == EvidenceStatus.Sealed)) throw DomainException.Conflict("evidence-package-empty");
        SealedAt = now;
        SealedBy = actor.Id;
        Version++;
    }
}
