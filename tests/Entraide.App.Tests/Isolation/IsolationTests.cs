using System.Net;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Entraide.App.Tests.Isolation.ProbeTable;

namespace Entraide.App.Tests.Isolation;

/// <summary>
/// Isolation between States, endpoint by endpoint and page by page, with bodies that would succeed: another
/// State (or, for a request two States share, a third) is refused every verb and gets exactly what it gets for
/// a record that does not exist; the secretariat reads and changes nothing; the owner's own call then succeeds,
/// so no refusal is vacuous. Lists show nothing of another State and no count moves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IsolationTests(AppFixture fixture)
{
    public static TheoryData<Db, int, string> ApiCases => Cases(Api);
    public static TheoryData<Db, int, string> PageCases => Cases(Pages);

    public static TheoryData<Db, int, string> ListCases
    {
        get
        {
            var data = new TheoryData<Db, int, string>();
            foreach (var db in new Databases()) for (var i = 0; i < Lists.Length; i++) data.Add(db, i, Lists[i].Endpoint);
            return data;
        }
    }

    private static TheoryData<Db, int, string> Cases(Probe[] probes)
    {
        var data = new TheoryData<Db, int, string>();
        foreach (var db in new Databases()) for (var i = 0; i < probes.Length; i++) data.Add(db, i, probes[i].Endpoint);
        return data;
    }

    [Fact]
    public void EveryEndpointAndPage_HasAProbe_OrSaysWhyItNeedsNone()
    {
        var app = fixture.App(Db.Sqlite);
        var probed = Api.Concat(Pages).Select(p => p.Endpoint).Concat(Lists.Select(l => l.Endpoint)).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var key in RouteKeys(app))
        {
            if (probed.Contains(key) || NoStateData.ContainsKey(key) || RouteTableOnly.ContainsKey(key)) continue;
            missing.Add(key);
        }
        Assert.True(missing.Count == 0, "Endpoints and pages without an isolation probe (add one to Isolation/ProbeTable.cs, or say in "
            + "NoStateData why it holds no State's data):" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        // A public route may carry a probe too (an open vote is public only once closed), but no NoStateData entry.
        var known = RouteKeys(app, includePublic: true).ToHashSet(StringComparer.Ordinal);
        var stale = probed.Where(k => !known.Contains(k)).Concat(NoStateData.Keys.Where(k => !RouteKeys(app).Contains(k))).ToList();
        Assert.True(stale.Count == 0, "Probes for routes that do not exist (renamed or removed), or NoStateData entries for public "
            + "routes: " + string.Join(", ", stale));
    }

    [Theory, MemberData(nameof(ApiCases))]
    public Task Endpoint_IsRefusedToAnotherState_AndToTheSecretariatForChanges_ButSucceedsForItsOwner(Db db, int index, string endpoint) =>
        CheckAsync(fixture.App(db), Api[index], endpoint);

    [Theory, MemberData(nameof(PageCases))]
    public Task Page_IsRefusedToAnotherState_ButShownToItsOwner(Db db, int index, string page) =>
        CheckAsync(fixture.App(db), Pages[index], page);

    [Theory, MemberData(nameof(ListCases))]
    public async Task List_ShowsNothingOfAnotherState_AndNoCountMoves(Db db, int index, string endpoint)
    {
        var app = fixture.App(db);
        var probe = Lists[index];
        var observers = probe.Observers.Select(o => (Who: $"{o.State} [{string.Join(",", o.Roles)}]", Client: app.ClientFor(o.State, o.Roles)))
            .ToList();
        var before = new Dictionary<string, string>();
        foreach (var (who, client) in observers)
            foreach (var url in probe.ObserverUrls) before[who + url] = await ReadAsync(client, url, endpoint);
        var (marker, visible) = await probe.Create(app);
        var failures = new List<string>();
        foreach (var (who, client) in observers)
        {
            foreach (var url in probe.ObserverUrls)
            {
                var after = await ReadAsync(client, url, endpoint);
                if (after.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Add($"{url} as {who} shows {marker}");
                else if (probe.Stable && after != before[who + url]) failures.Add($"{url} as {who} changed: {before[who + url]} then {after}");
            }
            if (probe.ObserversReadVisibleUrl
                && (await ReadAsync(client, visible.Url, endpoint)).Contains(marker, StringComparison.OrdinalIgnoreCase))
                failures.Add($"{visible.Url} as {who} shows {marker}");
        }
        var own = await Client(app, visible).SendAsync(visible.Message());
        var ownBody = await own.Content.ReadAsStringAsync();
        Assert.True(own.IsSuccessStatusCode && ownBody.Contains(marker, StringComparison.OrdinalIgnoreCase),
            $"{visible.Url} as its own side does not show {marker} ({(int)own.StatusCode}), so the test proves nothing");
        Assert.True(failures.Count == 0, endpoint + ":" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    private static async Task<string> ReadAsync(HttpClient client, string url, string endpoint)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {url} answered {(int)response.StatusCode} to an observer: {body}");
        return body;
    }

    private static HttpClient Client(TestApp app, Call call) => app.ClientFor(call.State, call.Roles);

    private static async Task CheckAsync(TestApp app, Probe probe, string endpoint)
    {
        var call = await probe.Arrange(app);
        var failures = new List<string>();
        var seen = call.Observe is null ? null : await call.Observe();
        var foreignStates = call.State is null ? [Foreign] : probe.Foreign ?? [Foreign];
        foreach (var state in foreignStates)
        {
            foreach (var roles in new[] { call.Roles.Where(r => r != Domain.Trust.Roles.Secretariat).ToArray(), [.. StateRoles] }.Where(r
                => r.Length > 0))
            {
                var who = $"{state} [{string.Join(",", roles)}]";
                var client = app.ClientFor(state, roles);
                var a = await client.SendAsync(call.Message());
                if (a.IsSuccessStatusCode)
                    failures.Add($"{call.Method} {call.Url} as {who}: {(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}");
                if ((int)a.StatusCode >= 500) failures.Add($"{call.Method} {call.Url} as {who}: {(int)a.StatusCode}");
                if (call.Missing is not null)
                {
                    var b = await client.SendAsync(call.Message(call.Missing));
                    if (a.StatusCode != b.StatusCode)
                        failures.Add($"{call.Method} {call.Url} as {who}: {(int)a.StatusCode} for another State's record "
                            + $"but {(int)b.StatusCode} for none");
                }
            }
        }
        foreach (var (who, client) in call.Strangers ?? [])
        {
            var a = await client.SendAsync(call.Message());
            var b = call.Missing is null ? null : await client.SendAsync(call.Message(call.Missing));
            if (a.IsSuccessStatusCode || (int)a.StatusCode >= 500)
                failures.Add($"{call.Method} {call.Url} as {who}: {(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}");
            if (b is not null && a.StatusCode != b.StatusCode)
                failures.Add($"{call.Method} {call.Url} as {who}: {(int)a.StatusCode} for another account's record but {(int)b.StatusCode} for none");
        }
        if (call.State is not null)
        {
            var secretariat = app.ClientFor(null, Domain.Trust.Roles.Secretariat);
            var s = await secretariat.SendAsync(call.Message());
            var reads = call.IsSafe && probe.SecretariatCannotRead is null;
            var changes = !call.IsSafe && probe.SecretariatMayChange is not null;
            if (reads && !s.IsSuccessStatusCode) failures.Add($"{call.Method} {call.Url}: the secretariat, which reads all, got {(int)s.StatusCode}");
            if (!reads && !changes && s.IsSuccessStatusCode)
                failures.Add($"{call.Method} {call.Url}: the secretariat got {(int)s.StatusCode}" + (call.IsSafe ? "" : " for a change"));
            if ((int)s.StatusCode >= 500) failures.Add($"{call.Method} {call.Url} as the secretariat: {(int)s.StatusCode}");
        }
        if (seen is not null && await call.Observe!() is var now && now != seen)
            failures.Add($"{call.Method} {call.Url}: a refused call changed what its owner sees: {seen} then {now}");
        // Where the secretariat may change the record (and did), the owner's call is made on a fresh one.
        if (call.State is not null && !call.IsSafe && probe.SecretariatMayChange is not null) call = await probe.Arrange(app);
        var own = await (call.As ?? Client(app, call)).SendAsync(call.Message());
        if (own.StatusCode != call.Success)
            failures.Add($"{call.Method} {call.Url} as its owner {call.State ?? "UN"}: expected {(int)call.Success} but got {(int)own.StatusCode} "
                + await own.Content.ReadAsStringAsync());
        Assert.True(failures.Count == 0, endpoint + ":" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    /// <summary>"METHOD route" for every API endpoint and Razor page that is not public (the public ones too with
    /// <paramref name="includePublic"/>).</summary>
    private static IEnumerable<string> RouteKeys(TestApp app, bool includePublic = false)
    {
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = (e.RoutePattern.RawText ?? "").Trim('/');
            var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var isApi = route.StartsWith("api/v1", StringComparison.Ordinal);
            if (!isPage && !isApi) continue;
            var isPublic = e.Metadata.GetMetadata<PublicEndpointAttribute>() is not null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (isPublic && !includePublic) continue;
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                yield return $"{method} {route}";
        }
    }
}
