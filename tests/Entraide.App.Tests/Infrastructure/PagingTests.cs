using System.Net;
using System.Reflection;
using System.Text.Json;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Tests.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Every listing, in the API and in the pages, given a page or a size far out of range (the largest
/// integer, negative, zero, beyond 32 bits): an empty or clamped page, or a 400/422 naming the field —
/// never an offset that wraps around, never a 500.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PagingTests(AppFixture fixture)
{
    private static readonly string[] PagingNames = ["page", "pageSize", "take", "limit", "size", "p"];
    private static readonly string[] Extremes = ["2147483647", "2147483646", "-1", "0", "-2147483648", "99999999999"];

    /// <summary>The GET API routes taking a paging parameter, with the names they take.</summary>
    private static IReadOnlyList<(string Url, string[] Names)> ListRoutes(TestApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => ("/" + e.RoutePattern.RawText!.Trim('/'), e.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters()
                .Select(p => p.Name!).Where(n => PagingNames.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray() ?? []))
            .Where(r => r.Item2.Length > 0)];

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryApiListing_GivenAnOutOfRangePage_NeverWrapsNorFails(Db db)
    {
        var app = fixture.App(db);
        var routes = ListRoutes(app);
        Assert.Contains(routes, r => r.Url.EndsWith("/notifications", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Url.EndsWith("/requests", StringComparison.Ordinal));
        var client = app.ClientFor("FRA", [.. EndpointConventions.StateRoles]);
        var failures = new List<string>();
        foreach (var (url, names) in routes)
        {
            foreach (var name in names)
            {
                foreach (var value in Extremes)
                {
                    var r = await client.GetAsync($"{url}?{name}={value}");
                    var body = await r.Content.ReadAsStringAsync();
                    if (r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity))
                        failures.Add($"{url}?{name}={value}: {(int)r.StatusCode} {body}");
                    else if (r.StatusCode == HttpStatusCode.OK && PageOf(body) is { } page && page < 1)
                        failures.Add($"{url}?{name}={value}: page {page}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/requests?p=2147483647")]
    [InlineData("/requests?p=-2147483648")]
    [InlineData("/knowledge/search?q=data&page=2147483647")]
    [InlineData("/knowledge/search?q=data&page=-1")]
    [InlineData("/notifications?page=2147483647")]
    public async Task ThePagesListings_GivenAnOutOfRangePage_AnswerAPage(string url)
    {
        var app = fixture.App(Db.Sqlite);
        var user = await Accounts.CreateAsync(app, "FRA", "en", [.. EndpointConventions.StateRoles]);
        var browser = await Accounts.SignInAsync(app, user);
        var r = await browser.GetAsync(url);
        Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
            $"{url}: {(int)r.StatusCode}");
    }

    private static long? PageOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("page", out var p)
            && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;
    }
}
