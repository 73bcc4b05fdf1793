using System.Net;
using System.Text.RegularExpressions;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Signing in through the real pages with the cookies handled by hand: the tests see every <c>Set-Cookie</c>
/// (its attributes too) and can replay the session on another instance or with chosen headers.
/// </summary>
public static partial class SessionCookies
{
    /// <summary>A new account of <paramref name="state"/> that signs in with its password alone (a delegate needs no second factor).</summary>
    public static async Task<string> NewDelegateAsync(IServiceProvider services, string state)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
        var email = $"s{Guid.NewGuid():N}@{state.ToLowerInvariant()}.test";
        var user = new EntraideUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            StateCode = state,
            DisplayName = "Session test",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        await users.AddToRolesAsync(user, [Roles.Delegate]);
        return email;
    }

    public static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// Signs in with <paramref name="email"/>; every request carries <paramref name="headers"/>. Returns the
    /// response that opened the session (its <c>Set-Cookie</c> headers) and the cookie header to send afterwards.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, string Cookie)> SignInAsync(HttpClient client, string email,
        params (string Name, string Value)[] headers)
    {
        var get = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        foreach (var (n, v) in headers) get.Headers.TryAddWithoutValidation(n, v);
        var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        var cookies = CookiesOf(page);
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["password"] = DemoAccounts.Password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            }),
        };
        foreach (var (n, v) in headers) post.Headers.TryAddWithoutValidation(n, v);
        post.Headers.TryAddWithoutValidation("Cookie", cookies);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response, string.Join("; ", new[] { cookies, CookiesOf(response) }.Where(c => c.Length > 0)));
    }

    /// <summary>The <c>name=value</c> pairs the response sets, ready for a <c>Cookie</c> header.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", SetCookies(response).Select(c => c.Split(';')[0]));

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>The anti-forgery token of a page's form.</summary>
    public static string FormToken(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
