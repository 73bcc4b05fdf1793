using System.Net;
using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Trust;

/// <summary>The API reference page carries none of Scalar's hosted services: no "Ask AI", no "Deploy", no MCP, no telemetry.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiReferenceTests(AppFixture fixture)
{
    [Fact]
    public async Task Reference_RendersAConfigurationWithTheThirdPartyButtonsOff()
    {
        var response = await fixture.App(Db.Sqlite).CreateClient().GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("\"agent\":{\"disabled\":true}", html, StringComparison.Ordinal);
        Assert.Contains("\"mcp\":{\"disabled\":true}", html, StringComparison.Ordinal);
        Assert.Contains("\"showDeveloperTools\":\"never\"", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
    }
}
