using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.Domain.Tests.Knowledge;

public sealed class LegalWorkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly ProvisionText Access = new("art_1", "Art. 1", null, "Unauthorised access is an offence.",
        [OffenceTerms.IllegalAccess, OffenceTerms.IllegalAccess], null, 24);

    private static (LegalWork Work, LegalExpression First) Law(DateOnly? adopted = null)
    {
        var work = LegalWork.Record("NOR", "Penal Code", WorkTypes.Code, "en", adopted, example: false, Now);
        return (work, work.Express("en", new DateOnly(2010, 1, 1), "Penal Code 2010", null, [Access], Now).Expression);
    }

    [Fact]
    public void Express_NumbersProvisionsInOrderAndTagsEachTermOnce()
    {
        var work = LegalWork.Record("NOR", "Penal Code", WorkTypes.Code, "en", null, example: false, Now);
        var (expression, provisions) = work.Express("en", new DateOnly(2010, 1, 1), "V", null, [Access, Access with { Eid = "art_2" }], Now);
        Assert.Equal([0, 1], provisions.Select(p => p.Ordinal));
        Assert.All(provisions, p => Assert.Equal(expression.Id, p.ExpressionId));
        Assert.Equal([OffenceTerms.IllegalAccess], provisions[0].TermList);
        Assert.Equal(1, work.Version);
    }

    [Fact]
    public void Amend_LaterVersion_RaisesTheLawsVersion()
    {
        var (work, first) = Law();
        work.Amend([first], "en", new DateOnly(2015, 1, 1), "Penal Code 2015", null, [Access], Now);
        Assert.Equal(2, work.Version);
    }

    [Fact]
    public void Amend_SameLanguageAndDate_OrBeforeAdoption_IsInvalid()
    {
        var (work, first) = Law(adopted: new DateOnly(2009, 6, 1));
        Assert.Equal("version-exists", Assert.Throws<DomainException>(() =>
            work.Amend([first], "en", first.Date, "again", null, [Access], Now)).Errors[0].Code);
        Assert.Equal("before-adoption", Assert.Throws<DomainException>(() =>
            work.Amend([first], "fr", new DateOnly(2009, 1, 1), "fr", null, [Access], Now)).Errors[0].Code);
        Assert.Equal(1, work.Version);
    }

    [Fact]
    public void Repeal_ThenAmend_IsAConflict()
    {
        var (work, first) = Law();
        work.Repeal(new DateOnly(2020, 1, 1), expectedVersion: 1, [first], Now);
        Assert.Equal(new DateOnly(2020, 1, 1), work.RepealedOn);
        var ex = Assert.Throws<DomainException>(() => work.Amend([first], "en", new DateOnly(2021, 1, 1), "late", null, [Access], Now));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => work.Repeal(new DateOnly(2022, 1, 1), null, [first], Now)).Kind);
    }

    [Fact]
    public void Repeal_BeforeTheFirstVersion_OrFromAStaleVersion_IsRefused()
    {
        var (work, first) = Law();
        Assert.Equal("repeal-before-version", Assert.Throws<DomainException>(() =>
            work.Repeal(first.Date, null, [first], Now)).Errors[0].Code);
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() =>
            work.Repeal(new DateOnly(2020, 1, 1), expectedVersion: 5, [first], Now)).Kind);
        Assert.Equal("required", Assert.Throws<DomainException>(() => work.Repeal(null, null, [first], Now)).Errors[0].Code);
        Assert.Null(work.RepealedOn);
    }
}
