using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entraide.App.Tests.Trust;

/// <summary>
/// The sign-in form tells nobody whether an account exists or is locked, lets no one lock an account's
/// owner out with a few guesses, and pauses after too many failures (not page views).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SignInAttemptsTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task WrongPassword_UnknownAccount_AndRefusedAccount_GetOneAnswer_AndTheOwnerSignsInFromElsewhere(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "PRT", twoFactor: false, Roles.Delegate);
        await using var host = AccountKit.WithAddresses(app);
        var guesser = AccountKit.Browser(host, AccountKit.NewAddress());

        var answers = new List<(HttpStatusCode Status, string? Text)>();
        for (var i = 0; i < 5; i++) answers.Add(await AnswerAsync(guesser, email, "Wrong-password-123"));
        answers.Add(await AnswerAsync(guesser, $"{Guid.NewGuid():N}@test.entraide.int", "Wrong-password-123"));
        // After five failures from this address the right password is refused from it, with the same answer.
        answers.Add(await AnswerAsync(guesser, email, DemoAccounts.Password));
        Assert.NotNull(answers[0].Text);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.DoesNotContain("locked", answers[0].Text!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/v1/me")).StatusCode);

        // The owner, from another address, is not locked out.
        var owner = AccountKit.Browser(host, AccountKit.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await AccountKit.SignInAsync(owner, email, DemoAccounts.Password)).StatusCode);
        await owner.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UnknownAccount_RunsThePasswordHasher_AsAWrongPasswordDoes(Db db)
    {
        var app = fixture.App(db);
        var email = await AccountKit.NewAccountAsync(app, "DNK", twoFactor: false, Roles.Delegate);
        var counter = new HashCounter();
        await using var host = AccountKit.WithAddresses(app, services: s =>
        {
            s.AddSingleton(counter);
            s.AddScoped<IPasswordHasher<EntraideUser>, CountingHasher>();
        });
        var client = AccountKit.Browser(host, AccountKit.NewAddress());

        await AnswerAsync(client, email, "Wrong-password-123");
        var known = counter.Verifications;
        await AnswerAsync(client, $"{Guid.NewGuid():N}@test.entraide.int", "Wrong-password-123");
        var unknown = counter.Verifications - known;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SignIn_TooManyFailures_ArePausedWithALocalisedPageAndRetryAfter_ButPageViewsAreNotCounted(Db db)
    {
        var app = fixture.App(db);
        await using var host = AccountKit.WithAddresses(app, new() { ["Entraide:SignInAttemptsPerMinute"] = "3" });
        var client = AccountKit.Browser(host, AccountKit.NewAddress());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        for (var i = 0; i < 12; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        var email = $"{Guid.NewGuid():N}@test.entraide.int";
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(client, email, "nope")).Status);

        var r = await AccountKit.SignInAsync(client, email, "nope");
        Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        var wait = r.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait!.Value.TotalSeconds, 1, 60);
        var text = AccountKit.ErrorShown(await r.Content.ReadAsStringAsync());
        Assert.NotNull(text);
        Assert.Contains("Réessayez", WebUtility.HtmlDecode(text!), StringComparison.Ordinal);

        // The same account from another address is paused too (failures count per account), another account from there is not.
        var elsewhere = AccountKit.Browser(host, AccountKit.NewAddress());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AccountKit.SignInAsync(elsewhere, email, "nope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(elsewhere, $"{Guid.NewGuid():N}@test.entraide.int", "nope")).Status);
    }

    private static async Task<(HttpStatusCode Status, string? Text)> AnswerAsync(HttpClient client, string email, string password)
    {
        var r = await AccountKit.SignInAsync(client, email, password);
        return (r.StatusCode, AccountKit.ErrorShown(await r.Content.ReadAsStringAsync()));
    }

    private sealed class HashCounter
    {
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);
        public void Count() => Interlocked.Increment(ref _verifications);
    }

    private sealed class CountingHasher(HashCounter counter, IOptions<PasswordHasherOptions> options) : IPasswordHasher<EntraideUser>
    {
        private readonly PasswordHasher<EntraideUser> _inner = new(options);

        public string HashPassword(EntraideUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(EntraideUser user, string hashedPassword, string providedPassword)
        {
            counter.Count();
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
