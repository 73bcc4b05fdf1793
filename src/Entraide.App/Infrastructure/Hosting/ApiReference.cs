using Scalar.AspNetCore;

namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// The API reference page (Scalar) as Entraide serves it: the OpenAPI document and nothing of Scalar's
/// hosted services — no AI chat ("Ask AI"), no developer toolbar with its "Deploy" and "Share" buttons,
/// no MCP server, no telemetry. Ministries read this page; it must not send their questions or the API's
/// shape to a third party.
/// </summary>
internal static class ApiReference
{
    public static void Configure(ScalarOptions o) => o
        .WithTitle("Entraide API")
        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
        .DisableAgent()
        .DisableMcp()
        .HideDeveloperTools()
        .DisableTelemetry();
}
