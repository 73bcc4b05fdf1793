using Entraide.Domain.Common;
using Entraide.Domain.Notifications;

namespace Entraide.Domain.Tests.Notifications;

public sealed class WebhookTargetTests
{
    private static List<DomainError> Check(string? url, WebhookTargetRules? rules = null, string state = "FRA")
    {
        var errors = new List<DomainError>();
        WebhookTarget.Check(url, state, rules ?? WebhookTargetRules.Default, errors);
        return errors;
    }

    private static string? CodeOf(string? url, WebhookTargetRules? rules = null, string state = "FRA") =>
        Check(url, rules, state).SingleOrDefault()?.Code;

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.0.0.1:8443/hook")]
    [InlineData("https://2130706433/")]
    [InlineData("https://0x7f.1/")]
    [InlineData("https://0x7f000001/")]
    [InlineData("https://0177.0.0.1/")]
    [InlineData("https://127.1/")]
    [InlineData("https://127.000.000.001/")]
    [InlineData("https://１２７.０.０.１/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://[0:0:0:0:0:0:0:1]/")]
    [InlineData("https://[::ffff:127.0.0.1]/")]
    [InlineData("https://[::ffff:7f00:1]:8080/")]
    [InlineData("https://[64:ff9b::7f00:1]/")]
    [InlineData("https://[2002:7f00:1::]/")]
    [InlineData("https://0/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("https://[::]/")]
    [InlineData("https://localhost/")]
    [InlineData("https://LOCALHOST/")]
    [InlineData("https://localhost./")]
    [InlineData("https://api.localhost/")]
    [InlineData("https://10.0.0.5/")]
    [InlineData("https://172.20.1.1/")]
    [InlineData("https://192.168.0.10/")]
    [InlineData("https://100.64.1.1/")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fe80::1%25eth0]/")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://[fc00::1]/")]
    [InlineData("https://224.0.0.1/")]
    [InlineData("https://255.255.255.255/")]
    [InlineData("https://intranet/")]
    [InlineData("https://printer.local/")]
    [InlineData("https://db.internal/")]
    [InlineData("https://router.home.arpa/")]
    [InlineData("https://08.0.0.1/")]
    [InlineData("https://1.2.3.4.5/")]
    public void Check_AddressOfThisMachineOrAPrivateNetwork_IsRefused(string url) =>
        Assert.Equal("webhook-address-refused", CodeOf(url));

    [Theory]
    [InlineData("https://cms.justice.example/entraide")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("https://xn--80ak6aa92e.xn--p1ai/hook")]
    [InlineData("https://правосудие.рф/hook")]
    [InlineData("https://localhost.example.org/")]
    public void Check_PublicHost_IsAccepted(string url) => Assert.Empty(Check(url));

    [Theory]
    [InlineData("ftp://files.example/x", "webhook-url-invalid")]
    [InlineData("not a url", "webhook-url-invalid")]
    [InlineData("https://user:secret@cms.example/", "webhook-url-invalid")]
    [InlineData("/relative/path", "webhook-url-invalid")]
    [InlineData("http://cms.example/", "webhook-url-not-https")]
    [InlineData("", "required")]
    [InlineData("https://cms.example/\u202Egnp.exe", "control-characters")]
    public void Check_MalformedUrl_SaysWhatIsWrong(string url, string code) => Assert.Equal(code, CodeOf(url));

    [Fact]
    public void Check_TooLong_StatesTheLimit()
    {
        var error = Assert.Single(Check("https://cms.example/" + new string('a', WebhookTarget.MaxLength)));
        Assert.Equal("too-long", error.Code);
        Assert.Equal(["2000"], error.Arguments);
    }

    [Fact]
    public void Check_PlainHttp_OnlyWhereAllowed()
    {
        Assert.Equal("webhook-url-not-https", CodeOf("http://cms.example/"));
        Assert.Empty(Check("http://cms.example/", new WebhookTargetRules(AllowHttp: true, WebhookAllowList.Empty)));
        // Allowing http does not allow private addresses.
        Assert.Equal("webhook-address-refused", CodeOf("http://127.0.0.1:8080/", new WebhookTargetRules(true, WebhookAllowList.Empty)));
    }

    [Fact]
    public void Check_AllowListedReceiver_IsAcceptedForItsStateOnly()
    {
        var rules = new WebhookTargetRules(false, WebhookAllowList.Parse(new Dictionary<string, List<string>>
        {
            ["FRA"] = ["10.20.0.0/16", "receiver.justice.internal", "[fd00::7]:8443"],
        }));
        Assert.Empty(Check("https://10.20.3.4/hook", rules, "FRA"));
        Assert.Empty(Check("https://receiver.justice.internal/hook", rules, "FRA"));
        Assert.Empty(Check("https://[fd00::7]:8443/hook", rules, "FRA"));
        Assert.Equal("webhook-address-refused", CodeOf("https://10.20.3.4/hook", rules, "BRA"));
        Assert.Equal("webhook-address-refused", CodeOf("https://receiver.justice.internal/hook", rules, "BRA"));
        Assert.Equal("webhook-address-refused", CodeOf("https://10.21.0.1/hook", rules, "FRA"));
        Assert.Equal("webhook-address-refused", CodeOf("https://[fd00::7]/hook", rules, "FRA"));
    }
}
