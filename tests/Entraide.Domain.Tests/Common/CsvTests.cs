using Entraide.Domain.Common;

namespace Entraide.Domain.Tests.Common;

public sealed class CsvTests
{
    [Fact]
    public void Read_HandlesQuotesCommasAndLineBreaks()
    {
        var rows = Csv.Read(new StringReader("a,b,c\n1,\"x, y\",\"he said \"\"hi\"\"\"\n2,\"two\nlines\",\n"));
        Assert.Equal(2, rows.Count);
        Assert.Equal("x, y", rows[0]["b"]);
        Assert.Equal("he said \"hi\"", rows[0]["c"]);
        Assert.Equal("two\nlines", rows[1]["b"]);
        Assert.Equal("", rows[1]["c"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"x\"", "\"say \"\"x\"\"\"")]
    [InlineData(null, "")]
    public void Escape_QuotesOnlyWhenNeeded(string? value, string expected) => Assert.Equal(expected, Csv.Escape(value));

    [Fact]
    public void Languages_NormaliseCultureNames()
    {
        Assert.Equal("zh", Languages.Normalise("zh-Hans-CN"));
        Assert.Equal("fr", Languages.Normalise("fr-CH"));
        Assert.Null(Languages.Normalise("de"));
        Assert.True(Languages.IsRightToLeft("ar"));
        Assert.False(Languages.IsRightToLeft("zh"));
    }
}
