using Entraide.Domain.Notifications;

namespace Entraide.Domain.Tests.Notifications;

public sealed class WebhookAllowListTests
{
    private static WebhookAllowList List(string state, params string[] entries) =>
        WebhookAllowList.Parse(new Dictionary<string, List<string>> { [state] = [.. entries] });

    [Fact]
    public void Allows_AnAddress_ByTheHostAsWritten_NotByWhatANameResolvesTo()
    {
        var list = List(WebhookAllowList.EveryState, "127.0.0.1");
        Assert.True(list.Allows("FRA", "127.0.0.1", 8080));
        Assert.True(list.Allows("BRA", "127.0.0.1", 443));
        Assert.False(list.Allows("FRA", "localhost", 8080));
        Assert.False(list.Allows("FRA", "::1", 8080));
        // Another spelling of the same address is the same address.
        Assert.True(list.Allows("FRA", "::ffff:127.0.0.1", 8080));
        Assert.False(list.Allows("FRA", "127.0.0.2", 8080));
    }

    [Fact]
    public void Allows_WithAPort_OnlyThatPort()
    {
        var list = List("FRA", "127.0.0.1:8443", "[fd00::1]:9000", "receiver.fra.example:443");
        Assert.True(list.Allows("FRA", "127.0.0.1", 8443));
        Assert.False(list.Allows("FRA", "127.0.0.1", 5432));
        Assert.True(list.Allows("FRA", "[fd00::1]", 9000));
        Assert.False(list.Allows("FRA", "fd00::1", 9001));
        Assert.True(list.Allows("FRA", "RECEIVER.fra.example.", 443));
        Assert.False(list.Allows("FRA", "receiver.fra.example", 8443));
    }

    [Fact]
    public void Allows_ARange_ForTheStateItIsSetFor()
    {
        var list = List("fra", "10.20.0.0/16", "fd00:20::/32");
        Assert.True(list.Allows("FRA", "10.20.255.1", 443));
        Assert.True(list.Allows("FRA", "fd00:20:1::5", 443));
        Assert.False(list.Allows("BRA", "10.20.255.1", 443));
        Assert.False(list.Allows(null, "10.20.255.1", 443));
        Assert.False(list.Allows("FRA", "10.21.0.1", 443));
        Assert.False(list.Allows("FRA", "receiver.example", 443));
    }

    [Fact]
    public void Allows_TheSecretariatsEntries_ForTheSecretariatOnly()
    {
        var list = List("un", "127.0.0.1:9443");
        Assert.True(list.Allows(null, "127.0.0.1", 9443));
        Assert.True(list.Allows(WebhookAllowList.Secretariat, "127.0.0.1", 9443));
        Assert.False(list.Allows("FRA", "127.0.0.1", 9443));
        Assert.False(list.Allows(null, "127.0.0.1", 9444));
        // Every State's entries hold for the secretariat as well; a State's own do not.
        Assert.True(List(WebhookAllowList.EveryState, "10.0.0.1").Allows(null, "10.0.0.1", 443));
        Assert.False(List("FRA", "10.0.0.1").Allows(null, "10.0.0.1", 443));
    }

    [Fact]
    public void Empty_AllowsNothing()
    {
        Assert.True(WebhookAllowList.Parse(null).IsEmpty);
        Assert.True(WebhookAllowList.Parse(new Dictionary<string, List<string>> { ["FRA"] = ["", " "] }).IsEmpty);
        Assert.False(WebhookAllowList.Empty.Allows("FRA", "127.0.0.1", 80));
    }

    [Theory]
    [InlineData("FRA", "10.20.0.0/33")]
    [InlineData("FRA", "not a host")]
    [InlineData("FRA", "127.0.0.1:99999")]
    [InlineData("FRA", "127.0.0.1:port")]
    [InlineData("FRA", "[fd00::1")]
    [InlineData("FRA", "https://receiver.example/")]
    [InlineData("FRANCE", "10.0.0.1")]
    public void Parse_MalformedEntry_NamesIt(string state, string entry)
    {
        var ex = Assert.Throws<FormatException>(() => List(state, entry));
        Assert.Contains(state == "FRANCE" ? state : entry, ex.Message, StringComparison.Ordinal);
    }
}
