using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Trust;

/// <summary>
/// An account whose roles need two factors, signed in with its password only, reaches sign-in, sign-out
/// and the authenticator set-up, and nothing else: every page and API route of the route table is tried.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SecondFactorGateTests(AppFixture fixture)
{
    private static readonly string[] Open = ["/account/sign-in", "/account/sign-in/two-factor", "/account/sign-out", "/account/two-factor"];

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryRoute_PasswordOnlySession_AnswersOnlySignInSignOutAndSetUp(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "FRA", twoFactor: false, [.. Roles.All.Where(r => r != Roles.Secretariat)]);
        var client = AccountKit.Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.SignInAsync(client, email, DemoAccounts.Password)).StatusCode);

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: Url(e), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .DistinctBy(r => r.Path + string.Join(",", r.Methods))
            .ToList();
        Assert.Contains(routes, r => r.Path == "/account/tokens");
        Assert.Contains(routes, r => r.Path == "/account/webhooks");
        Assert.Contains(routes, r => r.Path.StartsWith("/api/v1/tokens", StringComparison.Ordinal));

        var failures = new List<string>();
        var refusedForRole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, methods) in routes.Where(r => !Open.Contains(r.Path) && !r.Path.StartsWith("/error", StringComparison.Ordinal)))
        {
            foreach (var method in methods)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                var r = await client.SendAsync(request);
                var body = await r.Content.ReadAsStringAsync();
                // The gate's answer, or the refusal of a route that needs a role the account does not hold (the secretariat's).
                var gated = path.StartsWith("/api/", StringComparison.Ordinal)
                    ? r.StatusCode == HttpStatusCode.Forbidden
                    : r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location is { } to
                        && new Uri(new Uri("http://localhost"), to).AbsolutePath is "/account/two-factor" or "/error/403"
                        || r.StatusCode == HttpStatusCode.Forbidden;
                if (!gated) failures.Add($"{method} {path}: {(int)r.StatusCode} {r.Headers.Location}");
                else if (!body.Contains("two-factor-required", StringComparison.Ordinal)
                    && r.Headers.Location?.OriginalString != "/account/two-factor")
                    refusedForRole.Add(path);
            }
        }
        Assert.True(failures.Count == 0, "Reached without the second factor: " + string.Join("; ", failures));
        // Every route a State account with all the State roles could use was stopped by the gate itself.
        Assert.DoesNotContain(refusedForRole, p => p.StartsWith("/account/", StringComparison.Ordinal)
            || p.StartsWith("/api/v1/tokens", StringComparison.Ordinal)
            || p.StartsWith("/api/v1/webhooks", StringComparison.Ordinal) || p == "/api/v1/me");

        // What stays open: the set-up page and signing in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task TokenPageAndApi_PasswordOnlyAdministrator_IssueNothing_UntilTheCodeIsGiven(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "NOR", twoFactor: false, Roles.StateAdministrator);
        var client = AccountKit.Browser(app);
        await AccountKit.SignInAsync(client, email, DemoAccounts.Password);

        var page = await client.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor", page.Headers.Location!.OriginalString);
        await client.PostJsonAsync("/api/v1/tokens", new { name = "x", roles = new[] { Roles.CentralAuthority } })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "two-factor-required");
        await client.GetAsync("/api/v1/webhooks").ExpectProblemAsync(HttpStatusCode.Forbidden, "two-factor-required");

        // Setting up the authenticator through the account's enrolment link, with a right code, opens the page.
        var link = await AccountKit.EnrolmentLinkAsync(app, email);
        var setup = await client.GetStringAsync(link);
        var key = KeyShown().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.PostFormAsync(client, link, new() { ["code"] = code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/tokens")).StatusCode);
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SetUpPage_NotEnrolled_ShowsTheKeyAsTextAndAsAQrCodeDrawnHere(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "CHL", twoFactor: false, Roles.Investigator);
        var client = AccountKit.Browser(app);
        await AccountKit.SignInAsync(client, email, DemoAccounts.Password);

        var html = await client.GetStringAsync(await AccountKit.EnrolmentLinkAsync(app, email));
        Assert.Matches(KeyShown(), html);
        var qr = QrShown().Match(html);
        Assert.True(qr.Success, "No QR code on the set-up page");
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(qr.Groups[1].Value));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.DoesNotContain("https://", qr.Value, StringComparison.Ordinal);
    }

    // Route parameters get a value of their constraint's shape: the gate answers before the route's own checks.
    private static string Url(RouteEndpoint e)
    {
        var path = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
        return Parameter().Replace(path, m => m.Groups[2].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            var c when c.Contains("int", StringComparison.Ordinal) || c.Contains("long", StringComparison.Ordinal) => "1",
            _ => "FRA",
        });
    }

    [GeneratedRegex(@"\{\**([A-Za-z]+)((:[^}?]*)*)\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<img src=\"data:image/png;base64,([^\"]+)\"[^>]*data-testid=\"authenticator-qr\"")]
    private static partial Regex QrShown();
}
