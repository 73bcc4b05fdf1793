using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Trust;

namespace Entraide.App.Tests.Infrastructure;

public sealed class DemoCredentialsTests
{
    [Fact]
    public void Write_BoxesTheAddressPasswordKeyAndEveryAccount_OneStatePerLine()
    {
        var output = new StringWriter();
        DemoCredentials.Write(output,
            [("admin.fra@demo.entraide.int", "FRA", "state-admin"), ("ca.fra@demo.entraide.int", "FRA", "central-authority"),
             ("ca.jpn@demo.entraide.int", "JPN", "central-authority"), ("secretariat@demo.entraide.int", "UN", "secretariat")],
            ["http://0.0.0.0:5080"]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.StartsWith("╔", lines[0]);
        Assert.StartsWith("╚", lines[^1]);
        Assert.All(lines[1..^1], l => Assert.True(l.StartsWith('║') && l.EndsWith('║'), l));
        Assert.Single(lines.Select(l => l.Length).Distinct());
        var text = string.Join('\n', lines);
        Assert.Contains("http://localhost:5080", text);
        Assert.Contains(DemoAccounts.Password, text);
        Assert.Contains(DemoAccounts.AuthenticatorKey, text);
        Assert.Contains(lines, l => l.Contains("FRA  admin.fra  ca.fra", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("UN   secretariat", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WithoutDemoAccounts_PrintsNothing()
    {
        var output = new StringWriter();
        DemoCredentials.Write(output, []);
        Assert.Empty(output.ToString());
    }
}
