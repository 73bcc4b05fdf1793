using Entraide.Domain.Evidence;

namespace Entraide.App.Evidence.Items;

/// <summary>Where an item came from, as its sender described it.</summary>
public sealed record EvidenceSourceView(string? Custodian, string? System, string? AcquisitionMethod, string? Tool, DateTimeOffset? AcquiredAt,
    string? AcquiredBy);

/// <summary>An item of evidence: <c>sha256</c> (and <c>sha512</c> when asked for) in lowercase hex once it is complete.</summary>
public sealed record EvidenceItemView(Guid Id, Guid RequestId, Guid PackageId, string OwnerState, string FileName, string? Description,
    EvidenceSourceView Source, long Length, long Received, string Status, string? Sha256, string? Sha512, string? DeclaredSha256,
    string UploadedBy, DateTimeOffset CreatedAt, DateTimeOffset? SealedAt, DateTimeOffset? ExpiresAt, string Upload, string? Content)
{
    public static EvidenceItemView Of(EvidenceItem i) => new(i.Id, i.RequestId, i.PackageId, i.OwnerStateCode, i.FileName, i.Description,
        new EvidenceSourceView(i.Custodian, i.SourceSystem, i.AcquisitionMethod, i.AcquisitionTool, i.AcquiredAt, i.AcquiredBy),
        i.Length, i.Received, StatusCode(i.Status), i.Sha256, i.Sha512, i.DeclaredSha256, i.UploadedByName, i.CreatedAt, i.SealedAt,
        i.ExpiresAt, $"/api/v1/evidence/uploads/{i.Id}", i.Status == EvidenceStatus.Sealed ? $"/api/v1/evidence/{i.Id}/content" : null);

    public static string StatusCode(EvidenceStatus s) => s.ToString().ToLowerInvariant();
}

/// <summary>One event of an item's chain of custody.</summary>
public sealed record CustodyEventView(string Kind, DateTimeOffset At, string Actor, string? State, string? Address, string? Sha256,
    string? Detail)
{
    public static CustodyEventView Of(CustodyEvent e) =>
        new(CustodyEvent.Code(e.Kind), e.At, e.ActorName, e.ActorState, e.Address, e.Sha256, e.Detail);
}

/// <summary>An item with its chain of custody, oldest event first.</summary>
public sealed record EvidenceDetailView(EvidenceItemView Item, IReadOnlyList<CustodyEventView> Custody);

/// <summary>A request's evidence.</summary>
public sealed record EvidenceListView(Guid RequestId, IReadOnlyList<EvidenceItemView> Items);

/// <summary>The outcome of a re-verification: the SHA-256 computed now, the one recorded at sealing, and whether they match.</summary>
public sealed record VerificationView(Guid Id, bool Intact, string? Sha256, string Expected, DateTimeOffset At);
