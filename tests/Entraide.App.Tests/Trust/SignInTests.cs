using System.Net;
using System.Text.RegularExpressions;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Entraide.App.Tests.Trust;

[Collection(AppCollection.Name)]
public sealed partial class SignInTests(AppFixture fixture)
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Antiforgery().Match(html).Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    private static HttpClient Browser(TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> NewAccountAsync(TestApp app, string state, bool twoFactor, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
        var email = $"{Guid.NewGuid():N}@test.entraide.int";
        var user = new EntraideUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            StateCode = state,
            DisplayName = "Test",
            TwoFactorEnabled = twoFactor,
        };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        await users.AddToRolesAsync(user, roles);
        if (twoFactor) await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey);
        return email;
    }

    private static string Code() => new Totp(Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp();

    [Fact]
    public async Task SignIn_PasswordThenCode_OpensASession()
    {
        var app = fixture.App(Db.Sqlite);
        var client = Browser(app);
        var r = await PostFormAsync(client, "/account/sign-in",
            new() { ["email"] = "ca.bra@demo.entraide.int", ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/account/sign-in/two-factor", r.Headers.Location!.ToString());
        // The password alone does not open the API.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        r = await PostFormAsync(client, "/account/sign-in/two-factor", new() { ["code"] = Code() });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var me = await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("BRA", me.GetProperty("state").GetString());
    }

    [Fact]
    public async Task CooperationRole_WithoutTwoFactor_IsSentToSetUp_AndRefusedByTheApi()
    {
        var app = fixture.App(Db.Sqlite);
        var email = await NewAccountAsync(app, "ZAF", twoFactor: false, Roles.CentralAuthority);
        var client = Browser(app);
        var r = await PostFormAsync(client, "/account/sign-in", new() { ["email"] = email, ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var home = await client.GetAsync("/states");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", home.Headers.Location!.ToString());
        await client.GetAsync("/api/v1/me").ExpectProblemAsync(HttpStatusCode.Forbidden, "two-factor-required");

        // Setting up the authenticator, through the account's enrolment link, lifts the restriction.
        var link = await AccountKit.EnrolmentLinkAsync(app, email);
        var setup = await client.GetStringAsync(link);
        var key = KeyShown().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        r = await PostFormAsync(client, link, new() { ["code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delegate_WithoutTwoFactor_CanSignInWithPasswordOnly()
    {
        var app = fixture.App(Db.Sqlite);
        var email = await NewAccountAsync(app, "GBR", twoFactor: false, Roles.Delegate);
        var client = Browser(app);
        await PostFormAsync(client, "/account/sign-in", new() { ["email"] = email, ["password"] = DemoAccounts.Password });
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var client = Browser(fixture.App(Db.Sqlite));
        var r = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "ca.fra@demo.entraide.int",
            ["password"] = DemoAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyShown();
}
