using System.Net;
using System.Text.RegularExpressions;
using Entraide.App.Notifications;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Entraide.App.Tests.Notifications;

/// <summary>
/// Entraide on each database with its mail going to a local <see cref="SmtpSink"/>, and plain-HTTP
/// webhooks to 127.0.0.1 allowed (the allow-list) so that they can reach a local
/// <see cref="WebhookReceiver"/>. The dispatcher runs as in production: tests await what arrives, never sleep.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, TestApp> _apps = new();
    private readonly Lock _gate = new();

    public SmtpSink Smtp { get; } = new();

    public TestApp App(Db db)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(db, out var app))
            {
                app = new TestApp(db);
                app.Settings["Smtp:Host"] = "127.0.0.1";
                app.Settings["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                app.Settings["Smtp:Security"] = "none";
                app.Settings["Smtp:From"] = "Entraide <no-reply@entraide.test>";
                app.Settings["Notifications:AllowHttpWebhooks"] = "true";
                // The receivers listen on this machine: allowed by address for every State, as a State's own receiver would be.
                app.Settings["Notifications:WebhookAllowList:*:0"] = "127.0.0.1";
                // One State's own network, for the tests of a State-specific entry; never called.
                app.Settings["Notifications:WebhookAllowList:LIE:0"] = "10.20.0.0/16";
                app.Settings["Notifications:PollSeconds"] = "1";
                app.Settings["Entraide:PublicUrl"] = "https://entraide.test";
                _ = app.Server;
                _apps[db] = app;
            }
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await app.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}

/// <summary>Accounts made for one test, and browsers signed in as them.</summary>
public static class Accounts
{
    /// <summary>A new account of <paramref name="state"/> with <paramref name="roles"/>; two-factor sign-in is set up when a role needs it.</summary>
    public static async Task<EntraideUser> CreateAsync(TestApp app, string? state, string language, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
        var email = $"t{Guid.NewGuid():N}@{(state ?? "un").ToLowerInvariant()}.test";
        var twoFactor = roles.Any(Domain.Trust.Roles.RequireTwoFactor.Contains);
        var user = new EntraideUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            StateCode = state,
            DisplayName = $"Test {state} {string.Join("+", roles)}",
            PreferredLanguage = language,
            CreatedAt = DateTimeOffset.UtcNow,
            TwoFactorEnabled = twoFactor,
        };
        var created = await users.CreateAsync(user, DemoAccounts.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        if (twoFactor) await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey);
        return user;
    }

    /// <summary>A client carrying the account's sign-in cookie, obtained through the real sign-in pages.</summary>
    public static async Task<HttpClient> SignInAsync(TestApp app, EntraideUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = user.Email!,
            ["password"] = DemoAccounts.Password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Antiforgery(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.Contains("two-factor", StringComparison.Ordinal) == true)
        {
            var page = await client.GetStringAsync(response.Headers.Location);
            var code = new Totp(Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp();
            response = await client.PostAsync(response.Headers.Location, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = code,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = Antiforgery(page),
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        // As a browser's call from Entraide's own page does: API writes with the session cookie need it.
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return client;
    }

    public static string Antiforgery(string html)
    {
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!m.Success) m = Regex.Match(html, "type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        if (!m.Success) m = Regex.Match(html, "__RequestVerificationToken[^>]*value=\"([^\"]+)\"");
        Assert.True(m.Success, "The page has no anti-forgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>Enqueues <paramref name="notification"/> the way a module does: beside its own change, in one save.</summary>
    public static async Task EnqueueAsync(TestApp app, params Notification[] notifications)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<INotifications>();
        foreach (var n in notifications) outbox.Enqueue(n);
        await scope.ServiceProvider.GetRequiredService<Entraide.App.Infrastructure.Persistence.EntraideDbContext>().SaveChangesAsync();
    }

    /// <summary>
    /// A State code no other test uses, so that counts and deliveries of one test are its own: codes of
    /// the range ISO 3166 leaves to its users (XAA–XZZ), which no State in the demo data has.
    /// </summary>
    public static string FreshState()
    {
        var n = Interlocked.Increment(ref _next) % (26 * 26);
        return string.Create(3, n, static (code, n) => (code[0], code[1], code[2]) = ('X', (char)('A' + n / 26), (char)('A' + n % 26)));
    }

    private static int _next = Random.Shared.Next(26 * 26);
}
