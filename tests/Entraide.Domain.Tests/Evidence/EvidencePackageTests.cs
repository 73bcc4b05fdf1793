using Entraide.Domain.Common;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Evidence;

/// <summary>A package: the items of one reply, closed once complete.</summary>
public sealed class EvidencePackageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Jpn = new("acc-jpn", "Officer JPN", "JPN", new HashSet<string> { Roles.CentralAuthority });
    private static readonly Actor Fra = new("acc-fra", "Officer FRA", "FRA", new HashSet<string> { Roles.CentralAuthority });

    [Fact]
    public void Seal_WithAnUploadInProgress_OrNoSealedItem_IsAConflict()
    {
        var p = EvidencePackage.Open(Guid.CreateVersion7(), Jpn, T0);
        Assert.Equal("evidence-package-uploading", Assert.Throws<DomainException>(() =>
            p.Seal([EvidenceStatus.Sealed, EvidenceStatus.Uploading], Jpn, T0)).Errors[0].Code);
        Assert.Equal("evidence-package-empty", Assert.Throws<DomainException>(() => p.Seal([EvidenceStatus.Rejected], Jpn, T0)).Errors[0].Code);
        Assert.True(p.IsOpen);
    }

    [Fact]
    public void Seal_Complete_ClosesThePackage_ToNewItems()
    {
        var p = EvidencePackage.Open(Guid.CreateVersion7(), Jpn, T0);
        p.EnsureAccepts(Jpn);
        p.Seal([EvidenceStatus.Sealed, EvidenceStatus.Rejected], Jpn, T0);
        Assert.False(p.IsOpen);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => p.EnsureAccepts(Jpn)).Kind);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => p.Seal([EvidenceStatus.Sealed], Jpn, T0)).Kind);
    }

    [Fact]
    public void EnsureAccepts_AnotherStatesItem_IsNotFound()
    {
        var p = EvidencePackage.Open(Guid.CreateVersion7(), Jpn, T0);
        Assert.Equal(FailureKind.NotFound, Assert.Throws<DomainException>(() => p.EnsureAccepts(Fra)).Kind);
    }
}
