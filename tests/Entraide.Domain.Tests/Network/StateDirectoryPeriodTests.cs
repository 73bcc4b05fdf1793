using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Network;

public sealed class StateDirectoryPeriodTests
{
    private static readonly StateDirectory Directory = StateDirectory.Default;

    [Fact]
    public void NamePeriod_DatesBetweenTheSameTwoChanges_AreOnePeriod()
    {
        var change = Assert.Single(Directory.NameChanges);
        Assert.Equal(new DateOnly(2022, 6, 1), change);
        Assert.Equal(0, Directory.NamePeriod(new DateOnly(1990, 1, 1)));
        Assert.Equal(0, Directory.NamePeriod(change.AddDays(-1)));
        Assert.Equal(1, Directory.NamePeriod(change));
        Assert.Equal(1, Directory.NamePeriod(new DateOnly(2099, 12, 31)));
        Assert.Equal(1, Directory.NamePeriod(null));
    }

    [Fact]
    public void NamePeriod_SamePeriod_NamesEveryStateAlike()
    {
        foreach (var (a, b) in new[] { (new DateOnly(2001, 1, 1), new DateOnly(2022, 5, 31)), (new DateOnly(2022, 6, 1), new DateOnly(2030, 1, 1)) })
        {
            Assert.Equal(Directory.NamePeriod(a), Directory.NamePeriod(b));
            Assert.All(Directory.All, s => Assert.Equal(Directory.ListName(s.Iso3, "fr", a), Directory.ListName(s.Iso3, "fr", b)));
        }
    }
}
