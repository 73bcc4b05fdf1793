using Entraide.Domain.Trust;

namespace Entraide.Domain.Evidence;

/// <summary>What happened to an item of evidence, in the order of an item's life (events of one instant are listed in this order).</summary>
public enum CustodyKind
{
    Acquired,
    UploadStarted,
    Uploaded,
    Sealed,
    Rejected,
    Terminated,
    Expired,
    Downloaded,
    DownloadFailed,
    Verified,
    VerificationFailed,
}

/// <summary>
/// One link of an item's chain of custody: what happened, who did it and for which State, when, from which
/// address, and the SHA-256 the item had at that moment. Events are only ever added; each also goes into the
/// audit chain with the save that adds it.
/// </summary>
public sealed class CustodyEvent : IStateOwned
{
    public const int MaxAddressLength = 64;
    public const int MaxDetailLength = 300;

    private CustodyEvent()
    {
    }

    internal CustodyEvent(EvidenceItem item, CustodyKind kind, Actor actor, DateTimeOffset at, string? where, string? sha256, string? detail)
    {
        Id = Guid.CreateVersion7();
        ItemId = item.Id;
        RequestId = item.RequestId;
        Kind = kind;
        ActorId = actor.Id;
        ActorName = actor.DisplayName.Length > 200 ? actor.DisplayName[..200] : actor.DisplayName;
        ActorState = actor.StateCode;
        ItemOwnerState = item.OwnerStateCode;
        At = at;
        Address = where is { Length: > MaxAddressLength } ? where[..MaxAddressLength] : where;
        Sha256 = sha256;
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid RequestId { get; private set; }
    public CustodyKind Kind { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    /// <summary>The State the actor acted for (null for Entraide itself).</summary>
    public string? ActorState { get; private set; }
    public string ItemOwnerState { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    /// <summary>The client address the action came from.</summary>
    public string? Address { get; private set; }
    public string? Sha256 { get; private set; }
    public string? Detail { get; private set; }

    // Filed in the audit under the State that acted; Entraide's own events (an expiry) under the item's owner.
    public string? OwnerState => ActorState ?? ItemOwnerState;

    /// <summary>The kind's code in the API (kebab case).</summary>
    public static string Code(CustodyKind kind) => kind switch
    {
        CustodyKind.UploadStarted => "upload-started",
        CustodyKind.DownloadFailed => "download-failed",
        CustodyKind.VerificationFailed => "verification-failed",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
