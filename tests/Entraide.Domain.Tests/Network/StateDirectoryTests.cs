using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Network;

public sealed class StateDirectoryTests
{
    private static readonly StateDirectory Directory = StateDirectory.Default;

    [Fact]
    public void Default_HasEveryMemberAndObserverState()
    {
        Assert.Equal(195, Directory.Count);
        Assert.Equal(193, Directory.All.Count(s => s.Status == UnStatus.Member));
        Assert.Equal(["PSE", "VAT"], Directory.All.Where(s => s.Status == UnStatus.Observer).Select(s => s.Iso3).Order().ToArray());
    }

    [Theory]
    [InlineData("fr", "Algérie (l')", "Algérie")]
    [InlineData("es", "Afganistán (el)", "Afganistán")]
    [InlineData("en", "Bahamas (the)", "Bahamas")]
    public void ListName_DropsTheBracketedArticle(string lang, string shortName, string listName)
    {
        var code = Directory.All.Single(s => Directory.ShortName(s.Iso3, lang) == shortName).Iso3;
        Assert.Equal(listName, Directory.ListName(code, lang));
    }

    [Fact]
    public void ListName_KeepsBracketsThatAreNotArticles()
    {
        Assert.Equal("Bolivia (Plurinational State of)", Directory.ListName("BOL", "en"));
    }

    [Fact]
    public void ShortName_OnADate_IsTheNameInForceThen()
    {
        Assert.Equal("Turkey", Directory.ShortName("TUR", "en", new DateOnly(2021, 12, 31)));
        Assert.Equal("Turkey", Directory.ShortName("TUR", "en", new DateOnly(2022, 5, 31)));
        Assert.Equal("Türkiye", Directory.ShortName("TUR", "en", new DateOnly(2022, 6, 1)));
        Assert.Equal("Türkiye", Directory.ShortName("TUR", "en"));
        Assert.Equal("Turquie", Directory.ListName("TUR", "fr", new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void NameHistory_ListsEarlierNames()
    {
        var history = Directory.NameHistory("TUR", "en");
        Assert.Equal("Türkiye", history[0].Name);
        Assert.Equal(("Turkey", (DateOnly?)new DateOnly(2022, 6, 1)), history[1]);
    }

    [Fact]
    public void Sorted_French_PutsAccentedLettersWithTheirBase()
    {
        var names = Directory.Sorted("fr").Select(s => Directory.ListName(s.Iso3, "fr")).ToList();
        Assert.True(names.IndexOf("Égypte") < names.IndexOf("El Salvador"));
        Assert.True(names.IndexOf("Égypte") > names.IndexOf("Dominique"));
    }

    [Fact]
    public void Sorted_Spanish_PutsEnyeAfterN()
    {
        var comparer = Entraide.Domain.Common.Collation.For("es");
        Assert.True(comparer.Compare("Ñandú", "Nueva Zelandia") > 0);
    }

    [Fact]
    public void SortCodes_OrdersByTheNamesOnTheDate()
    {
        var on = new DateOnly(2020, 1, 1);
        var codes = Directory.All.Select(s => s.Iso3).ToList();
        var sorted = Directory.SortCodes(codes, "en", on);
        var names = sorted.Select(c => Directory.ListName(c, "en", on)).ToList();
        Assert.Equal(names.Order(Entraide.Domain.Common.Collation.For("en")).ToList(), names);
        Assert.Contains("Turkey", names);
    }

    [Fact]
    public void TryGet_IsCaseInsensitive_AndRejectsUnknownCodes()
    {
        Assert.True(Directory.TryGet("fra", out var france));
        Assert.Equal("FRA", france.Iso3);
        Assert.False(Directory.TryGet("XYZ", out _));
        Assert.False(Directory.TryGet(null, out _));
    }
}
