using System.Net;
using System.Text.RegularExpressions;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.App.Trust.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Entraide.App.Tests.Trust;

/// <summary>Accounts, sign-in through the real pages, and a host whose clients say which address they call from.</summary>
internal static partial class AccountKit
{
    /// <summary>The header a derived host (<see cref="WithAddresses"/>) takes the client's address from.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    public static HttpClient Browser(WebApplicationFactory<Program> app, string? address = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (address is not null) client.DefaultRequestHeaders.Add(AddressHeader, address);
        // As a browser on Entraide's own pages: the cross-site check lets such API writes through to the gates behind it.
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return client;
    }

    /// <summary>A fresh documentation-prefix address (RFC 3849), so that no other test's failures count against it.</summary>
    public static string NewAddress() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";

    public static async Task<string> NewAccountAsync(TestApp app, string state, bool twoFactor, params string[] roles)
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

    /// <summary>Issues the account's one-time enrolment link, as <c>entraide users add</c> does; its path, with the secret.</summary>
    public static async Task<string> EnrolmentLinkAsync(WebApplicationFactory<Program> app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No account " + email);
        return (await scope.ServiceProvider.GetRequiredService<EnrolmentLinks>().IssueAsync(user)).Path;
    }

    public static string Code() => new Totp(Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp();

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/account/sign-in", new() { ["email"] = email, ["password"] = password });

    /// <summary>The text of the sign-in error shown on a page, or null.</summary>
    public static string? ErrorShown(string html) => SignInError().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// The application on the same database with its own data folder, the given settings, services
    /// replaced, and the client's address taken from <see cref="AddressHeader"/>.
    /// </summary>
    public static WebApplicationFactory<Program> WithAddresses(TestApp app, Dictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var dir = Path.Combine(app.DataDirectory, "derived-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Entraide:DataDirectory", dir);
            foreach (var (k, v) in settings ?? []) b.UseSetting(k, v);
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IStartupFilter, ClientAddressFilter>();
                services?.Invoke(s);
            });
        });
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[AddressHeader].ToString(), out var a)) http.Connection.RemoteIpAddress = a;
                return following(http);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("data-testid=\"sign-in-error\">([^<]*)<")]
    private static partial Regex SignInError();
}
