using Entraide.Domain.Common;

namespace Entraide.Domain.Tests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("a\0b")]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("name\u2066x\u2069")]
    [InlineData("bell\u0007")]
    [InlineData("line\nbreak")]
    public void Check_ControlCharacterInALine_IsAFieldError(string value)
    {
        var errors = new List<DomainError>();
        TextRules.Check(value, "name", 200, errors);
        var e = Assert.Single(errors);
        Assert.Equal(TextRules.ControlCharacterCode, e.Code);
        Assert.Equal("name", e.Field);
    }

    [Fact]
    public void Check_LongTextKeepsLineBreaksAndTabs_RefusesNul()
    {
        var errors = new List<DomainError>();
        Assert.Equal("a\n\tb", TextRules.Check("  a\n\tb ", "facts", 100, errors, multiline: true));
        Assert.Empty(errors);
        TextRules.Check("a\0", "facts", 100, errors, multiline: true);
        Assert.Equal(TextRules.ControlCharacterCode, Assert.Single(errors).Code);
    }

    [Fact]
    public void Check_TooLong_StatesTheLimit_Required_WhenEmpty()
    {
        var errors = new List<DomainError>();
        TextRules.Check(new string('x', 11), "title", 10, errors);
        TextRules.Check("   ", "subject", 10, errors, required: true, article: "40");
        Assert.Equal(["too-long", "required"], errors.Select(e => e.Code));
        Assert.Equal(["10"], errors[0].Arguments);
        Assert.Equal("40", errors[1].Article);
    }

    [Fact]
    public void Paging_LargestPage_NeverWrapsAround()
    {
        var (page, size) = Paging.Clamp(int.MaxValue, 50);
        Assert.Equal(Paging.MaxPage, page);
        Assert.True(Paging.Skip(page, size) > 0);
        Assert.Equal((1, 200), Paging.Clamp(-5, 10_000));
        Assert.Equal(int.MaxValue, Paging.Skip(int.MaxValue, 200));
    }
}
