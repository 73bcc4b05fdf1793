using System.Net;
using System.Reflection;
using System.Text;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Trust;

/// <summary>
/// Walks the route table: every API endpoint must declare who may call it, and none may reveal a
/// record of one State to another State, whatever the caller's roles.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EndpointAuthorisationTests(AppFixture fixture)
{
    private const string Owner = "FRA";
    private const string Foreign = "BRA";

    private static IReadOnlyList<RouteEndpoint> ApiEndpoints(TestApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal))];

    private static bool IsPublic(Endpoint e) => e.Metadata.GetMetadata<PublicEndpointAttribute>() is not null;

    private static IReadOnlyList<string> Methods(Endpoint e) =>
        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    [Fact]
    public void EveryApiEndpoint_DeclaresPublicOrAnAuthorisationPolicy()
    {
        var app = fixture.App(Db.Sqlite);
        var endpoints = ApiEndpoints(app);
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => !IsPublic(e) && !e.Metadata.OfType<IAuthorizeData>().Any())
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null || !IsPublic(e))
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any())
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an authorisation policy: " + string.Join(", ", undeclared));
        var anonymousButNotPublic = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsPublic(e))
            .Select(e => e.DisplayName).ToList();
        Assert.True(anonymousButNotPublic.Count == 0, "Anonymous endpoints not declared public: " + string.Join(", ", anonymousButNotPublic));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryProtectedEndpoint_RefusesAnonymousCallers(Db db)
    {
        var app = fixture.App(db);
        var failures = new List<string>();
        foreach (var e in ApiEndpoints(app).Where(e => !IsPublic(e)))
        {
            var url = await UrlAsync(app, e, missing: true);
            foreach (var method in Methods(e))
            {
                var response = await app.Anonymous().SendAsync(Request(method, url));
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{method} {url}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, "Answered an anonymous caller: " + string.Join("; ", failures));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryEndpoint_HidesAnotherStatesRecords_FromEveryRole(Db db)
    {
        var app = fixture.App(db);
        var callers = Roles.All.Where(r => r != Roles.Secretariat).Select(r => new[] { r })
            .Append([.. Roles.All.Where(r => r != Roles.Secretariat)]).ToList();
        var failures = new List<string>();
        foreach (var e in ApiEndpoints(app).Where(e => !IsPublic(e) && e.RoutePattern.Parameters.Count > 0))
        {
            var owned = await UrlAsync(app, e, missing: false);
            var missing = await UrlAsync(app, e, missing: true);
            foreach (var roles in callers)
            {
                var client = app.ClientFor(Foreign, roles);
                foreach (var method in Methods(e))
                {
                    var a = await client.SendAsync(Request(method, owned));
                    if (a.IsSuccessStatusCode) failures.Add($"{method} {owned} as {Foreign} [{string.Join(",", roles)}]: {(int)a.StatusCode}");
                    if (missing != owned)
                    {
                        var b = await client.SendAsync(Request(method, missing));
                        if (a.StatusCode != b.StatusCode)
                            failures.Add($"{method} {owned} as {Foreign} [{string.Join(",", roles)}]: {(int)a.StatusCode} for another "
                                + $"State's record but {(int)b.StatusCode} for a missing one");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static HttpRequestMessage Request(string method, string url)
    {
        var r = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH") r.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return r;
    }

    private static readonly Lazy<ILookup<string, IRouteSample>> Samples = new(() =>
        Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRouteSample).IsAssignableFrom(t))
            .Select(t => (IRouteSample)Activator.CreateInstance(t, nonPublic: true)!)
            .ToLookup(s => s.Parameter, StringComparer.OrdinalIgnoreCase));

    private static IRouteSample? SampleFor(RouteEndpoint e, string parameter)
    {
        var pattern = e.RoutePattern.RawText!.TrimStart('/');
        var candidates = Samples.Value[parameter].ToList();
        return candidates.FirstOrDefault(s => s.RoutePrefix is { } p && pattern.StartsWith(p, StringComparison.Ordinal))
            ?? candidates.FirstOrDefault(s => s.RoutePrefix is null);
    }

    private static async Task<string> UrlAsync(TestApp app, RouteEndpoint e, bool missing)
    {
        var path = "/" + e.RoutePattern.RawText!.TrimStart('/');
        foreach (var p in e.RoutePattern.Parameters)
        {
            var sample = SampleFor(e, p.Name);
            Assert.True(sample is not null,
                $"Route parameter '{p.Name}' of {e.DisplayName} has no IRouteSample: add one in the module's tests.");
            var value = missing && sample!.Missing is not null ? sample.Missing : await sample!.CreateOwnedByAsync(app, Owner);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\**" + p.Name + "(:[^}]*)?\\??\\}", Uri.EscapeDataString(value));
        }
        return path;
    }
}
