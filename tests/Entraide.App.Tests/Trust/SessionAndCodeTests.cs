using System.Net;
using System.Text.RegularExpressions;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.App.Trust.Accounts;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Trust;

/// <summary>Signing out ends the session for every copy of its cookie; an authenticator code opens one session only.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SessionAndCodeTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task SignOut_ACopiedSessionCookie_NoLongerOpensTheApi(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "ISL", twoFactor: false, Roles.Delegate);
        var client = app.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);

        var form = await SendAsync(client, jar, HttpMethod.Get, "/account/sign-in");
        var r = await SendAsync(client, jar, HttpMethod.Post, "/account/sign-in", new()
        {
            ["email"] = email,
            ["password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = Token(await form.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var stolen = jar["entraide.session"];
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(client, stolen)).StatusCode);

        var home = await SendAsync(client, jar, HttpMethod.Get, "/");
        var token = Token(await home.Content.ReadAsStringAsync());
        r = await SendAsync(client, jar, HttpMethod.Post, "/account/sign-out", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(client, stolen)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task TwoFactorCode_UsedOnce_IsRefusedTheSecondTime(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "FIN", twoFactor: true, Roles.CentralAuthority);
        var code = AccountKit.Code();

        var first = AccountKit.Browser(app);
        Assert.Contains("two-factor", (await AccountKit.SignInAsync(first, email, DemoAccounts.Password)).Headers.Location!.OriginalString);
        var r = await AccountKit.PostFormAsync(first, "/account/sign-in/two-factor", new() { ["code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await first.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        // Someone who saw the code (and knows the password) tries it while it is still within its 30 seconds.
        var second = AccountKit.Browser(app);
        Assert.Contains("two-factor", (await AccountKit.SignInAsync(second, email, DemoAccounts.Password)).Headers.Location!.OriginalString);
        r = await AccountKit.PostFormAsync(second, "/account/sign-in/two-factor", new() { ["code"] = code });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("data-testid=\"sign-in-error\"", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public void Code_MatchesTheRfc6238Vectors()
    {
        var key = "12345678901234567890"u8.ToArray();
        // RFC 6238 appendix B (SHA-1), last six digits: T = 59 s and T = 1111111109 s.
        Assert.Equal("287082", OneUseAuthenticator.Code(key, 59 / 30));
        Assert.Equal("081804", OneUseAuthenticator.Code(key, 1111111109 / 30));
        Assert.Equal(key, OneUseAuthenticator.Base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        Assert.Null(OneUseAuthenticator.Base32("not base32!"));
    }

    private static async Task<HttpResponseMessage> MeAsync(HttpClient client, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", "entraide.session=" + session);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string> jar, HttpMethod method, string url,
        Dictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => c.Key + "=" + c.Value)));
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var c in cookies)
            {
                var pair = c.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0) jar.Remove(pair[0]);
                else jar[pair[0]] = pair[1];
            }
        }
        return response;
    }

    private static string Token(string html) => WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
