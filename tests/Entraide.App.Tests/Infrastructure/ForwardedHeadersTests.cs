using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Behind a reverse proxy: what a known proxy forwards (the client's address, HTTPS) is believed, what
/// anyone else sends in the same headers is not. The test server has no network peer, so each request
/// names the address it comes from in <c>X-Test-Peer</c> (set as the connection's remote address).
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.20.30.40";
    private const string Stranger = "198.51.100.7";
    private readonly TestApp _app = new(Db.Sqlite);
    private WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _app.Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
        _app.Settings["Entraide:SignInAttemptsPerMinute"] = "2";
        _host = _app.Derive(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>());
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static (string, string)[] Via(string peer, string? client = null, string? proto = "https") =>
        [("X-Test-Peer", peer), .. client is null ? Array.Empty<(string, string)>() : [("X-Forwarded-For", client)],
            .. proto is null ? Array.Empty<(string, string)>() : [("X-Forwarded-Proto", proto)]];

    [Fact]
    public async Task BehindAKnownProxy_OverHttps_TheSessionCookieIsSecure_AndHstsIsSent()
    {
        var email = await SessionCookies.NewDelegateAsync(_host.Services, "NOR");
        var (response, _) = await SessionCookies.SignInAsync(SessionCookies.Client(_host), email, Via(Proxy, "192.0.2.10"));
        var session = SessionCookies.SetCookies(response).Single(c => c.StartsWith("entraide.session=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);

        var page = await SendAsync(HttpMethod.Get, "/account/sign-in", [.. Via(Proxy, "192.0.2.12"), ("Host", "entraide.example")]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS missing behind the known proxy");
        Assert.Contains(SessionCookies.SetCookies(page), c => c.StartsWith("entraide.csrf=", StringComparison.Ordinal)
            && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task FromAnUnknownAddress_TheForwardedHeadersAreIgnored()
    {
        var email = await SessionCookies.NewDelegateAsync(_host.Services, "NOR");
        var (response, _) = await SessionCookies.SignInAsync(SessionCookies.Client(_host), email, Via(Stranger, "192.0.2.11"));
        var session = SessionCookies.SetCookies(response).Single(c => c.StartsWith("entraide.session=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", session, StringComparison.OrdinalIgnoreCase);

        var page = await SendAsync(HttpMethod.Get, "/account/sign-in", [.. Via("198.51.100.9", "192.0.2.11"), ("Host", "entraide.example")]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(SessionCookies.SetCookies(page), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    [Fact]
    public async Task BehindAKnownProxy_TheSignInLimit_CountsEachClient()
    {
        // Two attempts a minute per address: five clients behind the proxy try twice each, and none is throttled…
        for (var i = 0; i < 5; i++)
        {
            for (var n = 0; n < 2; n++)
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await AttemptAsync(Via(Proxy, $"192.0.2.{100 + i}"), i)).StatusCode);
        }
        // …while one client trying a third time is.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync(Via(Proxy, "192.0.2.100"), 0)).StatusCode);
    }

    [Fact]
    public async Task FromAnUnknownAddress_TheSignInLimit_CountsThatAddress_WhateverItClaims()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await AttemptAsync(Via("198.51.100.8", $"192.0.2.{150 + i}"), 10 + i)).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    /// <summary>
    /// A wrong password for account number <paramref name="account"/>, posted from the sign-in form as a browser would
    /// (its anti-forgery token and cookie): only such failed attempts count towards the limits, per account and per address.
    /// </summary>
    private async Task<HttpResponseMessage> AttemptAsync((string, string)[] headers, int account)
    {
        var page = await SendAsync(HttpMethod.Get, "/account/sign-in", headers);
        var token = SessionCookies.FormToken(await page.Content.ReadAsStringAsync());
        var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = $"nobody{account}@nowhere.test",
            ["password"] = "wrong",
            ["__RequestVerificationToken"] = token,
        });
        return await SendAsync(HttpMethod.Post, "/account/sign-in", [.. headers, ("Cookie", SessionCookies.CookiesOf(page))], content);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, (string Name, string Value)[] headers,
        HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (n, v) in headers)
        {
            if (n == "Host") request.Headers.Host = v;
            else request.Headers.TryAddWithoutValidation(n, v);
        }
        return await SessionCookies.Client(_host).SendAsync(request);
    }

    /// <summary>Gives the connection the remote address the test names, before the application's pipeline.</summary>
    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers["X-Test-Peer"].ToString(), out var peer)) http.Connection.RemoteIpAddress = peer;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
