using System.Net;
using System.Text.RegularExpressions;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.App.Trust.Accounts;
using Entraide.Cli;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Entraide.App.Tests.Trust;

/// <summary>
/// The first authenticator of an account is set up with its password and its one-time enrolment link, never with
/// the password alone: no key is shown and no code accepted without the link, and a used, expired, forged or
/// another account's link is refused with a message in the reader's language. The CLI issues the link when it
/// creates an account and when it resets an authenticator.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class EnrolmentLinkTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task PasswordOnly_WithoutALink_SeesNoKey_AndNoCodeIsAccepted(Db db)
    {
        var app = fixture.App(db);
        var (email, client) = await SignedInAsync(app);

        var page = await client.GetAsync("/account/two-factor");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotMatch(KeyShown(), html);
        Assert.Contains(EnrolmentLinks.MissingText, html, StringComparison.Ordinal);

        var posted = await AccountKit.PostFormAsync(client, "/account/two-factor", new() { ["code"] = "123456" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        await AssertNotEnrolledAsync(app, email, withKey: false);
        await client.GetAsync("/api/v1/me").ExpectProblemAsync(HttpStatusCode.Forbidden, "two-factor-required");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Link_EnrolsOnce_AndIsRefusedAsUsedAfterwards(Db db)
    {
        var app = fixture.App(db);
        var (email, client) = await SignedInAsync(app);
        var link = await AccountKit.EnrolmentLinkAsync(app, email);

        var key = KeyShown().Match(await client.GetStringAsync(link)).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.PostFormAsync(client, link, new() { ["code"] = code })).StatusCode);
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        // The authenticator is removed behind the link's back (no new link): the spent link sets up nothing.
        await WithUserAsync(app, email, async (users, user) =>
        {
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
            await users.SetTwoFactorEnabledAsync(user, false);
        });
        var again = AccountKit.Browser(app);
        await AccountKit.SignInAsync(again, email, DemoAccounts.Password);
        var html = WebUtility.HtmlDecode(await again.GetStringAsync(link));
        Assert.DoesNotMatch(KeyShown(), html);
        Assert.Contains(EnrolmentLinks.UsedText, html, StringComparison.Ordinal);
        var posted = await AccountKit.PostFormAsync(again, link, new() { ["code"] = code, ["link"] = link.Split('=')[1] });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        await AssertNotEnrolledAsync(app, email, withKey: false);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Link_OpenedSignedOut_LeadsThroughSignIn_BackToTheSetUp(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "CHL", twoFactor: false, Roles.CentralAuthority);
        var link = await AccountKit.EnrolmentLinkAsync(app, email);
        var client = AccountKit.Browser(app);

        var challenge = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var signIn = challenge.Headers.Location!;
        Assert.Equal("/account/sign-in", new Uri(new Uri("http://localhost"), signIn).AbsolutePath);
        var form = await client.GetStringAsync(signIn);
        Assert.Contains(WebUtility.HtmlEncode(link), form, StringComparison.Ordinal);
        var signedIn = await AccountKit.PostFormAsync(client, signIn.OriginalString,
            new() { ["email"] = email, ["password"] = DemoAccounts.Password, ["returnUrl"] = link });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(link, signedIn.Headers.Location!.OriginalString);
        Assert.Matches(KeyShown(), await client.GetStringAsync(link));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ExpiredLink_IsRefused_InTheReadersLanguage(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "CHL", twoFactor: false, Roles.CentralAuthority);
        var french = AccountKit.Browser(app);
        string secret = "";
        await WithUserAsync(app, email, async (users, user) =>
        {
            user.PreferredLanguage = "fr";
            await users.UpdateAsync(user);
            // Issued 73 hours ago: past the 72 hours a link lives by default.
            var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-73));
            var links = new EnrolmentLinks(users, past, new ConfigurationBuilder().Build());
            secret = (await links.IssueAsync(user)).Secret;
        });

        // Signed in, the account's language (French) is the page's.
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.SignInAsync(french, email, DemoAccounts.Password)).StatusCode);
        var html = WebUtility.HtmlDecode(await french.GetStringAsync($"/account/two-factor?link={secret}"));
        Assert.DoesNotMatch(KeyShown(), html);
        Assert.Contains("Ce lien d'enrôlement a expiré. Demandez-en un nouveau à votre administrateur.", html, StringComparison.Ordinal);

        var posted = await AccountKit.PostFormAsync(french, "/account/two-factor", new() { ["code"] = "123456", ["link"] = secret });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        await AssertNotEnrolledAsync(app, email, withKey: false);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ForgedOrAnotherAccountsLink_IsRefused(Db db)
    {
        var app = fixture.App(db);
        var (email, client) = await SignedInAsync(app);
        await AccountKit.EnrolmentLinkAsync(app, email);
        var other = await AccountKit.NewAccountAsync(app, "ARG", twoFactor: false, Roles.CentralAuthority);
        var othersLink = await AccountKit.EnrolmentLinkAsync(app, other);
        var forged = "/account/two-factor?link=" + Convert.ToHexString(Guid.NewGuid().ToByteArray());

        foreach (var link in new[] { forged, othersLink })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(link));
            Assert.DoesNotMatch(KeyShown(), html);
            Assert.Contains(EnrolmentLinks.InvalidText, html, StringComparison.Ordinal);
            var posted = await AccountKit.PostFormAsync(client, "/account/two-factor", new() { ["code"] = "123456", ["link"] = link.Split('=')[1] });
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }
        await AssertNotEnrolledAsync(app, email, withKey: false);
        // The other account's link still works for its own holder.
        var owner = AccountKit.Browser(app);
        await AccountKit.SignInAsync(owner, other, DemoAccounts.Password);
        Assert.Matches(KeyShown(), await owner.GetStringAsync(othersLink));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Link_IsStoredAsItsDigestOnly(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "URY", twoFactor: false, Roles.CentralAuthority);
        var secret = (await AccountKit.EnrolmentLinkAsync(app, email)).Split('=')[1];
        string? stored = null;
        await WithUserAsync(app, email, async (users, user) =>
            stored = await users.GetAuthenticationTokenAsync(user, EnrolmentLinks.Provider, EnrolmentLinks.TokenName));
        Assert.NotNull(stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.EndsWith("|" + digest, stored, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Cli_UsersAdd_PrintsALink_AndResetAuthenticator_EndsSessions_AndIssuesANewOne(Db db)
    {
        var app = fixture.App(db);
        var email = $"{Guid.NewGuid():N}@cli.entraide.int";
        var (code, output, error) = await CliAsync(app, "users", "add", email, "--state", "PER", "--role", Roles.CentralAuthority,
            "--password", DemoAccounts.Password, "--set", "Entraide:PublicUrl=https://entraide.example");
        Assert.True(code == 0, error);
        var first = LinkPrinted().Match(output);
        Assert.True(first.Success, output);
        Assert.StartsWith("https://entraide.example/account/two-factor?link=", first.Value, StringComparison.Ordinal);

        var client = AccountKit.Browser(app);
        await AccountKit.SignInAsync(client, email, DemoAccounts.Password);
        var path = new Uri(first.Value).PathAndQuery;
        var key = KeyShown().Match(await client.GetStringAsync(path)).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.PostFormAsync(client, path, new() { ["code"] = totp })).StatusCode);
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        (code, output, error) = await CliAsync(app, "users", "reset-authenticator", email);
        Assert.True(code == 0, error);
        var second = LinkPrinted().Match(output);
        Assert.True(second.Success, output);
        Assert.NotEqual(first.Groups[1].Value, second.Groups[1].Value);
        // The session that proved the old authenticator is over, and two-factor sign-in waits for a new enrolment.
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        await AssertNotEnrolledAsync(app, email, withKey: false);
        var fresh = AccountKit.Browser(app);
        await AccountKit.SignInAsync(fresh, email, DemoAccounts.Password);
        Assert.Contains(EnrolmentLinks.InvalidText, WebUtility.HtmlDecode(await fresh.GetStringAsync(path)), StringComparison.Ordinal);
        Assert.Matches(KeyShown(), await fresh.GetStringAsync(second.Value));

        (code, _, error) = await CliAsync(app, "users", "reset-authenticator", "nobody@cli.entraide.int");
        Assert.Equal(1, code);
        Assert.Contains("nobody@cli.entraide.int", error, StringComparison.Ordinal);
    }

    private static async Task<(string Email, HttpClient Client)> SignedInAsync(TestApp app)
    {
        var email = await AccountKit.NewAccountAsync(app, "CHL", twoFactor: false, Roles.CentralAuthority);
        var client = AccountKit.Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.SignInAsync(client, email, DemoAccounts.Password)).StatusCode);
        return (email, client);
    }

    private static async Task WithUserAsync(TestApp app, string email, Func<UserManager<EntraideUser>, EntraideUser, Task> action)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
        await action(users, (await users.FindByEmailAsync(email))!);
    }

    private static Task AssertNotEnrolledAsync(TestApp app, string email, bool withKey) => WithUserAsync(app, email, async (users, user) =>
    {
        Assert.False(user.TwoFactorEnabled);
        Assert.Equal(withKey, !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)));
    });

    private static async Task<(int Code, string Out, string Err)> CliAsync(TestApp app, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EntraideCli.RunAsync(
            [.. args, "--connection", app.ConnectionString, "--provider", app.Db == Db.Postgres ? "postgres" : "sqlite"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex(@"\S*/account/two-factor\?link=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPrinted();
}
