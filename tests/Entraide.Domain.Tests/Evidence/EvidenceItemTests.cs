using Entraide.Domain.Common;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Evidence;

/// <summary>An item of evidence from its declaration to its seal, and the rules of its chain of custody.</summary>
public sealed class EvidenceItemTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Jpn = new("acc-jpn", "Officer JPN", "JPN", new HashSet<string> { Roles.CentralAuthority });
    private static readonly Actor Fra = new("acc-fra", "Officer FRA", "FRA", new HashSet<string> { Roles.CentralAuthority });
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static EvidenceDeclaration Declared(string? name = "mailbox.pst", long length = 10, string? sha256 = null,
        DateTimeOffset? acquiredAt = null, string? custodian = "Provider Ltd") =>
        new(name, length, "Mailbox export", new EvidenceSource(custodian, "Exchange", "export", "ewsexport 2.1", acquiredAt, "Insp. Sato"),
            sha256, WithSha512: false);

    private static EvidenceItem Begin(EvidenceDeclaration? d = null, long max = 1000) =>
        EvidenceItem.Begin(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), d ?? Declared(), Jpn, "10.0.0.1", T0,
            T0.AddHours(24), max, "key1", [1, 2, 3]);

    private static DomainException Refused(Action a) => Assert.Throws<DomainException>(a);

    [Fact]
    public void Begin_ADeclaration_IsAnUploadOwnedByTheUploadersState_WithItsFirstCustodyEvents()
    {
        var item = Begin(Declared(acquiredAt: T0.AddDays(-1)));
        Assert.Equal(EvidenceStatus.Uploading, item.Status);
        Assert.Equal("JPN", item.OwnerState);
        Assert.Equal("Provider Ltd", item.Custodian);
        Assert.Equal([CustodyKind.Acquired, CustodyKind.UploadStarted], item.Events.Select(e => e.Kind));
        Assert.Equal(T0.AddDays(-1), item.Events.First().At);
        Assert.All(item.Events, e => Assert.Equal("10.0.0.1", e.Address));
    }

    [Fact]
    public void Begin_BadDeclarations_AreRefusedWithEveryFieldAtFault()
    {
        var e = Refused(() => Begin(Declared(name: "../etc/passwd", sha256: "xyz", acquiredAt: T0.AddDays(1), custodian: "a\u202Eb")));
        Assert.Equal(FailureKind.Invalid, e.Kind);
        Assert.Equal(["evidence-file-name:filename", "control-characters:custodian", "evidence-acquired-in-future:acquiredAt",
            "evidence-hash-format:sha256"], e.Errors.Select(x => $"{x.Code}:{x.Field}"));
        Assert.Contains(Refused(() => Begin(Declared(name: " "))).Errors, x => x is { Code: "required", Field: "filename" });
        Assert.Contains(Refused(() => Begin(Declared(length: 1001))).Errors, x => x is { Code: "evidence-too-large", Field: "length" });
    }

    [Fact]
    public void Begin_ADeclaredHashInCapitals_IsKeptInLowercase()
    {
        Assert.Equal(Sha, Begin(Declared(sha256: Sha.ToUpperInvariant())).DeclaredSha256);
    }

    [Fact]
    public void Begin_ByAnActorOfNoState_IsForbidden()
    {
        var un = new Actor("un", "Secretariat", null, new HashSet<string> { Roles.Secretariat });
        Assert.Equal(FailureKind.Forbidden, Refused(() => EvidenceItem.Begin(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            Declared(), un, null, T0, T0.AddHours(1), 1000, "k", [1])).Kind);
    }

    [Fact]
    public void Complete_MatchingTheDeclaredHash_SealsTheItem_AndRecordsTheHash()
    {
        var item = Begin(Declared(sha256: Sha));
        Assert.True(item.Complete(Sha, null, "storekey", Jpn, "10.0.0.1", T0.AddMinutes(5)));
        Assert.Equal(EvidenceStatus.Sealed, item.Status);
        Assert.Equal("storekey", item.StorageKey);
        Assert.Null(item.ExpiresAt);
        var sealedEvent = item.Events.Single(e => e.Kind == CustodyKind.Sealed);
        Assert.Equal(Sha, sealedEvent.Sha256);
    }

    [Fact]
    public void Complete_DifferingFromTheDeclaredHash_RejectsTheItem_AndKeepsNoStorageKey()
    {
        var item = Begin(Declared(sha256: Sha));
        var other = new string('a', 64);
        Assert.False(item.Complete(other, null, "storekey", Jpn, null, T0.AddMinutes(5)));
        Assert.Equal(EvidenceStatus.Rejected, item.Status);
        Assert.Null(item.StorageKey);
        Assert.Equal(other, item.Events.Single(e => e.Kind == CustodyKind.Rejected).Sha256);
        Assert.DoesNotContain(item.Events, e => e.Kind == CustodyKind.Sealed);
    }

    [Fact]
    public void Complete_ASealedItem_IsAConflict()
    {
        var item = Begin();
        item.Complete(Sha, null, "k", Jpn, null, T0);
        Assert.Equal(FailureKind.Conflict, Refused(() => item.Complete(Sha, null, "k", Jpn, null, T0)).Kind);
        Assert.Equal(FailureKind.Conflict, Refused(() => item.Terminate(Jpn, null, T0)).Kind);
    }

    [Fact]
    public void Progress_BeyondTheDeclaredLength_IsRefused()
    {
        var item = Begin();
        item.Progress(4, T0, T0.AddHours(24));
        Assert.Equal(4, item.Received);
        Refused(() => item.Progress(11, T0, T0.AddHours(24)));
        Assert.Equal(4, item.Received);
    }

    [Fact]
    public void Expire_BeforeTheExpiry_IsAConflict_AndAfterItDeletesTheUpload()
    {
        var item = Begin();
        Assert.False(item.IsExpired(T0.AddHours(23)));
        Refused(() => item.Expire(T0.AddHours(23)));
        Assert.True(item.IsExpired(T0.AddHours(24)));
        item.Expire(T0.AddHours(24));
        Assert.Equal(EvidenceStatus.Deleted, item.Status);
        Assert.Equal(CustodyKind.Expired, item.Events.Last().Kind);
        Assert.False(item.IsExpired(T0.AddDays(3)));
    }

    [Fact]
    public void RecordVerification_ComparesWithTheSealedHash_AndRecordsEitherOutcome()
    {
        var item = Begin();
        Refused(() => item.RecordVerification(Fra, null, T0, Sha));
        item.Complete(Sha, null, "k", Jpn, null, T0);
        Assert.True(item.RecordVerification(Fra, "10.1.1.1", T0.AddHours(1), Sha));
        Assert.False(item.RecordVerification(Fra, "10.1.1.1", T0.AddHours(2), new string('b', 64)));
        Assert.False(item.RecordVerification(Fra, "10.1.1.1", T0.AddHours(3), null));
        Assert.Equal([CustodyKind.Verified, CustodyKind.VerificationFailed, CustodyKind.VerificationFailed],
            item.Events.Where(e => e.Kind is CustodyKind.Verified or CustodyKind.VerificationFailed).Select(e => e.Kind));
        Assert.All(item.Events.Where(e => e.Kind == CustodyKind.Verified), e => Assert.Equal("FRA", e.ActorState));
    }

    [Fact]
    public void RecordDownload_Failed_IsRecordedWithTheHashFound()
    {
        var item = Begin();
        item.Complete(Sha, null, "k", Jpn, null, T0);
        item.RecordDownload(Fra, null, T0, intact: false, computedSha256: null);
        item.RecordDownload(Fra, null, T0, intact: true, computedSha256: Sha);
        Assert.Equal([CustodyKind.DownloadFailed, CustodyKind.Downloaded], item.Events.TakeLast(2).Select(e => e.Kind));
        Assert.Equal(Sha, item.Events.Last().Sha256);
    }

    [Fact]
    public void Rewrap_ChangesTheKeyOnly()
    {
        var item = Begin();
        item.Rewrap("key2", [9, 9]);
        Assert.Equal("key2", item.KeyId);
        Assert.Equal(EvidenceStatus.Uploading, item.Status);
        Refused(() => item.Rewrap("", [1]));
    }

    [Fact]
    public void CustodyEvent_Codes_AreKebabCase()
    {
        Assert.Equal("upload-started", CustodyEvent.Code(CustodyKind.UploadStarted));
        Assert.Equal("verification-failed", CustodyEvent.Code(CustodyKind.VerificationFailed));
        Assert.Equal("sealed", CustodyEvent.Code(CustodyKind.Sealed));
    }
}
