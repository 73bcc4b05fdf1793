using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Evidence;

/// <summary>Where an item of evidence is in its life.</summary>
public enum EvidenceStatus
{
    /// <summary>Its bytes are arriving (a tus upload in progress).</summary>
    Uploading,
    /// <summary>Complete, hashed and matching what its sender declared: readable by the States of the request.</summary>
    Sealed,
    /// <summary>Complete but its content did not match the declared hash: its content was deleted, it is never listed as valid.</summary>
    Rejected,
    /// <summary>Its upload was terminated by its sender or expired unfinished: no content is kept.</summary>
    Deleted,
}

/// <summary>Who held the data and how it was acquired, as the sender describes it.</summary>
public sealed record EvidenceSource(string? Custodian, string? System, string? AcquisitionMethod, string? Tool,
    DateTimeOffset? AcquiredAt, string? AcquiredBy);

/// <summary>What a sender declares when it starts an upload.</summary>
public sealed record EvidenceDeclaration(string? FileName, long Length, string? Description, EvidenceSource Source,
    string? DeclaredSha256, bool WithSha512);

/// <summary>
/// One file of electronic evidence sent in a request: owned by the State that produced it (its uploader's),
/// shared with the other State of the request once sealed. Its content is stored encrypted under its own data
/// key (wrapped by a key-encryption key kept outside the database); its custody events say who did what to it,
/// when, from where, and the hash it had at that moment.
/// </summary>
public sealed class EvidenceItem : IStateOwned
{
    public const int MaxFileNameLength = 255;
    public const int MaxDescriptionLength = 2000;
    public const int MaxSourceFieldLength = 200;
    public const int Sha256HexLength = 64;
    public const int Sha512HexLength = 128;

    private readonly List<CustodyEvent> _events = [];

    private EvidenceItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid PackageId { get; private set; }
    public string OwnerStateCode { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string? Description { get; private set; }
    public string? Custodian { get; private set; }
    public string? SourceSystem { get; private set; }
    public string? AcquisitionMethod { get; private set; }
    public string? AcquisitionTool { get; private set; }
    public DateTimeOffset? AcquiredAt { get; private set; }
    public string? AcquiredBy { get; private set; }
    /// <summary>The length in bytes the sender declared (tus <c>Upload-Length</c>).</summary>
    public long Length { get; private set; }
    /// <summary>How many bytes were received and committed so far (tus <c>Upload-Offset</c>).</summary>
    public long Received { get; private set; }
    public string? DeclaredSha256 { get; private set; }
    public bool WithSha512 { get; private set; }
    /// <summary>The SHA-256 of the content, lowercase hex, once complete.</summary>
    public string? Sha256 { get; private set; }
    public string? Sha512 { get; private set; }
    /// <summary>Where the encrypted content is in the evidence store (its content address), once complete.</summary>
    public string? StorageKey { get; private set; }
    /// <summary>The item's data key, wrapped by the key-encryption key <see cref="KeyId"/>.</summary>
    public byte[] WrappedKey { get; private set; } = [];
    public string KeyId { get; private set; } = "";
    public EvidenceStatus Status { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When an unfinished upload expires (tus <c>Upload-Expires</c>); null once complete.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? SealedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyCollection<CustodyEvent> Events => _events;

    public string? OwnerState => OwnerStateCode;

    /// <summary>Starts an item whose bytes are to be uploaded, checking what its sender declares.</summary>
    public static EvidenceItem Begin(Guid id, Guid requestId, Guid packageId, EvidenceDeclaration d, Actor actor, string? where,
        DateTimeOffset now, DateTimeOffset expiresAt, long maxLength, string keyId, byte[] wrappedKey)
    {
        if (actor.StateCode is null) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = new List<DomainError>();
        var name = TextRules.Check(d.FileName, "filename", MaxFileNameLength, errors, required: true);
        if (name.Length > 0 && (name.Contains('/') || name.Contains('\\') || name is "." or ".."))
            errors.Add(new DomainError("evidence-file-name", "filename"));
        var description = TextRules.Check(d.Description, "description", MaxDescriptionLength, errors, multiline: true);
        var custodian = TextRules.Check(d.Source.Custodian, "custodian", MaxSourceFieldLength, errors);
        var system = TextRules.Check(d.Source.System, "system", MaxSourceFieldLength, errors);
        var method = TextRules.Check(d.Source.AcquisitionMethod, "acquisitionMethod", MaxSourceFieldLength, errors);
        var tool = TextRules.Check(d.Source.Tool, "tool", MaxSourceFieldLength, errors);
        var acquiredBy = TextRules.Check(d.Source.AcquiredBy, "acquiredBy", MaxSourceFieldLength, errors);
        if (d.Source.AcquiredAt is { } at && at > now) errors.Add(new DomainError("evidence-acquired-in-future", "acquiredAt"));
        if (d.Length < 0) errors.Add(new DomainError("invalid-value", "length"));
        else if (d.Length > maxLength) errors.Add(new DomainError("evidence-too-large", "length"));
        string? declared = null;
        if (!string.IsNullOrWhiteSpace(d.DeclaredSha256))
        {
            declared = Hashes.Normalise(d.DeclaredSha256, Sha256HexLength);
            if (declared is null) errors.Add(new DomainError("evidence-hash-format", "sha256"));
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        var item = new EvidenceItem
        {
            Id = id,
            RequestId = requestId,
            PackageId = packageId,
            OwnerStateCode = actor.StateCode,
            FileName = name,
            Description = Empty(description),
            Custodian = Empty(custodian),
            SourceSystem = Empty(system),
            AcquisitionMethod = Empty(method),
            AcquisitionTool = Empty(tool),
            AcquiredAt = d.Source.AcquiredAt?.ToUniversalTime(),
            AcquiredBy = Empty(acquiredBy),
            Length = d.Length,
            DeclaredSha256 = declared,
            WithSha512 = d.WithSha512,
            KeyId = keyId,
            WrappedKey = wrappedKey,
            Status = EvidenceStatus.Uploading,
            UploadedBy = actor.Id,
            UploadedByName = actor.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = expiresAt,
        };
        if (item.AcquiredAt is { } acquired)
            item._events.Add(new CustodyEvent(item, CustodyKind.Acquired, actor, acquired, where, null, item.AcquiredBy));
        item._events.Add(new CustodyEvent(item, CustodyKind.UploadStarted, actor, now, where, null, null));
        return item;
    }

    /// <summary>Bytes up to <paramref name="received"/> are committed; the upload stays open until <paramref name="expiresAt"/>.</summary>
    public void Progress(long received, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        EnsureUploading();
        if (received < 0 || received > Length) throw DomainException.Invalid("invalid-value", "offset");
        Received = received;
        ExpiresAt = expiresAt;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// Every byte has arrived: with the hashes computed while it streamed in. When the sender declared a SHA-256 that
    /// differs, the item is rejected (its content must be deleted) and false is returned; otherwise it is sealed.
    /// </summary>
    public bool Complete(string sha256, string? sha512, string storageKey, Actor actor, string? where, DateTimeOffset now)
    {
        EnsureUploading();
        var hash = Hashes.Normalise(sha256, Sha256HexLength) ?? throw DomainException.Invalid("evidence-hash-format", "sha256");
        Sha256 = hash;
        Sha512 = WithSha512 ? Hashes.Normalise(sha512, Sha512HexLength) ?? throw DomainException.Invalid("evidence-hash-format", "sha512") : null;
        Received = Length;
        ExpiresAt = null;
        UpdatedAt = now;
        Version++;
        if (DeclaredSha256 is not null && !string.Equals(DeclaredSha256, hash, StringComparison.Ordinal))
        {
            Status = EvidenceStatus.Rejected;
            StorageKey = null;
            _events.Add(new CustodyEvent(this, CustodyKind.Rejected, actor, now, where, hash, "declared " + DeclaredSha256));
            return false;
        }
        Status = EvidenceStatus.Sealed;
        StorageKey = storageKey;
        SealedAt = now;
        _events.Add(new CustodyEvent(this, CustodyKind.Uploaded, actor, now, where, hash, null));
        _events.Add(new CustodyEvent(this, CustodyKind.Sealed, actor, now, where, hash, Sha512 is null ? null : "sha512 " + Sha512));
        return true;
    }

    /// <summary>The sender abandons an unfinished upload (tus termination): nothing of its content is kept.</summary>
    public void Terminate(Actor actor, string? where, DateTimeOffset now)
    {
        EnsureUploading();
        Status = EvidenceStatus.Deleted;
        ExpiresAt = null;
        UpdatedAt = now;
        Version++;
        _events.Add(new CustodyEvent(this, CustodyKind.Terminated, actor, now, where, null, null));
    }

    /// <summary>An unfinished upload past its expiry: its partial content is deleted.</summary>
    public void Expire(DateTimeOffset now)
    {
        EnsureUploading();
        if (ExpiresAt is not { } at || at > now) throw DomainException.Conflict("evidence-not-expired");
        Status = EvidenceStatus.Deleted;
        ExpiresAt = null;
        UpdatedAt = now;
        Version++;
        _events.Add(new CustodyEvent(this, CustodyKind.Expired, Actor.System, now, null, null, null));
    }

    /// <summary>Whether the upload is past its expiry at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => Status == EvidenceStatus.Uploading && ExpiresAt is { } at && at <= now;

    /// <summary>A State of the request downloaded the content; <paramref name="intact"/>: every chunk and the final hash verified.</summary>
    public void RecordDownload(Actor actor, string? where, DateTimeOffset now, bool intact, string? computedSha256)
    {
        EnsureSealed();
        _events.Add(new CustodyEvent(this, intact ? CustodyKind.Downloaded : CustodyKind.DownloadFailed, actor, now, where,
            intact ? Sha256 : computedSha256, null));
        UpdatedAt = now;
    }

    /// <summary>A State of the request decrypted and hashed the stored content again; the result is recorded either way.</summary>
    public bool RecordVerification(Actor actor, string? where, DateTimeOffset now, string? computedSha256)
    {
        EnsureSealed();
        var ok = computedSha256 is not null && string.Equals(computedSha256, Sha256, StringComparison.Ordinal);
        _events.Add(new CustodyEvent(this, ok ? CustodyKind.Verified : CustodyKind.VerificationFailed, actor, now, where, computedSha256,
            ok ? null : "expected " + Sha256));
        UpdatedAt = now;
        return ok;
    }

    /// <summary>The data key wrapped again under another key-encryption key (rotation); the content is not touched.</summary>
    public void Rewrap(string keyId, byte[] wrappedKey)
    {
        if (string.IsNullOrEmpty(keyId) || wrappedKey.Length == 0) throw DomainException.Invalid("invalid-value", "key");
        KeyId = keyId;
        WrappedKey = wrappedKey;
        Version++;
    }

    private void EnsureUploading()
    {
        if (Status != EvidenceStatus.Uploading) throw DomainException.Conflict("evidence-not-uploading");
    }

    private void EnsureSealed()
    {
        if (Status != EvidenceStatus.Sealed) throw DomainException.Conflict("evidence-not-sealed");
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
