using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Tests.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Every API route that changes something, called with the session cookie from another site, is refused
/// (403, problem details in the caller's language) and the same call from Entraide's own pages is not;
/// API tokens are not concerned. The routes are read from the route table, so a new one is covered.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CrossSiteWritesTests(AppFixture fixture)
{
    private const string Owner = "FRA";
    private const string Evil = "https://evil.example";
    private const string Own = "http://localhost";
    private const string CrossSiteType = ProblemResponses.TypeBase + "cross-site-request";

    private static readonly string[] Unsafe = ["POST", "PUT", "PATCH", "DELETE"];

    private static IReadOnlyList<(RouteEndpoint Endpoint, string Method)> UnsafeApiRoutes(TestApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(Unsafe.Contains).Select(m => (e, m)))];

    private static async Task<HttpClient> SignedInAsync(TestApp app, string state)
    {
        var user = await Accounts.CreateAsync(app, state, "fr", [.. EndpointConventions.StateRoles]);
        var client = await Accounts.SignInAsync(app, user);
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        return client;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryUnsafeApiRoute_WithTheSessionCookie_RefusesAForeignOrigin_AndAcceptsItsOwn(Db db)
    {
        var app = fixture.App(db);
        var routes = UnsafeApiRoutes(app);
        Assert.True(routes.Count > 20, $"Only {routes.Count} unsafe API routes found");
        var client = await SignedInAsync(app, Owner);
        var urls = new List<(string Method, string Url)>();
        foreach (var (e, method) in routes) urls.Add((method, await UrlAsync(app, e)));

        var failures = new List<string>();
        // Every route first from the other site (nothing is changed), then from Entraide's pages.
        foreach (var (method, url) in urls)
        {
            var foreign = await client.SendAsync(Request(method, url, ("Origin", Evil)));
            var body = await foreign.Content.ReadAsStringAsync();
            if (foreign.StatusCode != HttpStatusCode.Forbidden || !body.Contains(CrossSiteType, StringComparison.Ordinal))
                failures.Add($"{method} {url} from {Evil}: {(int)foreign.StatusCode} {body}");
            else if (!Title(body).StartsWith("Cette requête vient d'un autre site", StringComparison.Ordinal))
                failures.Add($"{method} {url}: not in French: {body}");
            else if (foreign.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{method} {url}: not problem details");
        }
        foreach (var (method, url) in urls)
        {
            var own = await client.SendAsync(Request(method, url, ("Origin", Own)));
            if (await IsCrossSiteRefusalAsync(own)) failures.Add($"{method} {url} from its own origin: refused");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AWrite_WithTheSessionCookie_NeedsItsOwnOrigin_OrReferer_OrTheAntiforgeryToken(Db db)
    {
        var app = fixture.App(db);
        var client = await SignedInAsync(app, Owner);
        const string url = "/api/v1/notifications/read-all";

        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url))), "no Origin nor Referer");
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url, ("Origin", "null")))), "Origin: null");
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url, ("Origin", "http://localhost:8080")))), "another port");
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url, ("Origin", "https://localhost")))), "another scheme");
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url, ("Origin", "http://localhost.evil.example")))),
            "a suffix");
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url, ("Referer", Evil + "/page")))), "foreign Referer");
        // A foreign Origin is not excused by a Referer of Entraide's.
        var both = Request("POST", url, ("Origin", Evil), ("Referer", Own + "/notifications"));
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(both)), "foreign Origin, own Referer");
        Assert.True(await IsCrossSiteRefusalAsync(await client.SendAsync(Request("POST", url, ("X-CSRF-TOKEN", "forged")))), "a forged token");

        await client.SendAsync(Request("POST", url, ("Referer", Own + "/notifications"))).ExpectAsync(HttpStatusCode.OK);
        await client.SendAsync(Request("POST", url, ("Origin", "HTTP://LOCALHOST"))).ExpectAsync(HttpStatusCode.OK);
        var token = SessionCookies.FormToken(await client.GetStringAsync("/"));
        Assert.NotEmpty(token);
        await client.SendAsync(Request("POST", url, ("X-CSRF-TOKEN", token))).ExpectAsync(HttpStatusCode.OK);
        // Reading needs nothing of the kind.
        await client.SendAsync(Request("GET", "/api/v1/notifications", ("Origin", Evil))).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AnApiToken_FromAnyOrigin_IsNotConcerned(Db db)
    {
        var app = fixture.App(db);
        var client = app.ClientFor(Owner, Domain.Trust.Roles.StateAdministrator);
        var create = Request("POST", "/api/v1/tokens", ("Origin", Evil));
        create.Content = new StringContent("""{"name":"cross-site","roles":["central-authority"]}""", Encoding.UTF8, "application/json");
        await client.SendAsync(create).ExpectAsync(HttpStatusCode.Created);
        // Nobody signed in: no ambient credential to abuse; the route answers as it would (401).
        await app.Anonymous().SendAsync(Request("POST", "/api/v1/notifications/read-all", ("Origin", Evil)))
            .ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static string Title(string problem)
    {
        using var doc = JsonDocument.Parse(problem);
        return doc.RootElement.GetProperty("title").GetString() ?? "";
    }

    private static async Task<bool> IsCrossSiteRefusalAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        if (r.StatusCode != HttpStatusCode.Forbidden || body.Length == 0) return false;
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("type", out var t) && t.GetString() == CrossSiteType;
    }

    private static HttpRequestMessage Request(string method, string url, params (string Name, string Value)[] headers)
    {
        var r = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH") r.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        foreach (var (n, v) in headers) r.Headers.TryAddWithoutValidation(n, v);
        return r;
    }

    private static readonly Lazy<ILookup<string, IRouteSample>> Samples = new(() =>
        Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRouteSample).IsAssignableFrom(t))
            .Select(t => (IRouteSample)Activator.CreateInstance(t, nonPublic: true)!)
            .ToLookup(s => s.Parameter, StringComparer.OrdinalIgnoreCase));

    // A record of the signed-in account's State where the route names one, so that the call from its own pages reaches the handler.
    private static async Task<string> UrlAsync(TestApp app, RouteEndpoint e)
    {
        var pattern = e.RoutePattern.RawText!.TrimStart('/');
        var path = "/" + pattern;
        foreach (var p in e.RoutePattern.Parameters)
        {
            var candidates = Samples.Value[p.Name].ToList();
            var sample = candidates.FirstOrDefault(s => s.RoutePrefix is { } prefix && pattern.StartsWith(prefix, StringComparison.Ordinal))
                ?? candidates.FirstOrDefault(s => s.RoutePrefix is null);
            Assert.True(sample is not null, $"Route parameter '{p.Name}' of {e.DisplayName} has no IRouteSample.");
            var value = sample!.Missing ?? await sample.CreateOwnedByAsync(app, Owner);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\**" + p.Name + "(:[^}]*)?\\??\\}", Uri.EscapeDataString(value));
        }
        return path;
    }
}
