using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.App.Tests.Deliberation;

/// <summary>
/// The shared application with a fake clock, so that deadlines can be passed without waiting: one per
/// database, on the same database as the shared app. Time only moves forward, and every test makes its
/// deadlines relative to the clock's current instant.
/// </summary>
public sealed class ClockedApp
{
    private static readonly ConcurrentDictionary<Db, ClockedApp> Apps = new();

    private ClockedApp(TestApp app)
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Factory = app.Derive(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public static ClockedApp For(AppFixture fixture, Db db) => Apps.GetOrAdd(db, d => new ClockedApp(fixture.App(d)));

    public FakeTimeProvider Clock { get; }
    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Secretariat(string? language = null) => Client(null, language, Roles.Secretariat);

    public HttpClient Delegate(string state, string? language = null) => Client(state, language, Roles.Delegate);

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Client(string? state, string? language, params string[] roles)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var secret = ApiToken.NewSecret();
            db.Add(new ApiToken
            {
                Id = Guid.CreateVersion7(),
                Name = $"deliberation test {state}",
                StateCode = state,
                Roles = string.Join(",", roles),
                SecretDigest = ApiToken.DigestOf(secret),
                Prefix = secret[..10],
                CreatedBy = "tests",
                CreatedAt = Clock.GetUtcNow(),
            });
            db.SaveChanges();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }
}

internal static class DeliberationCalls
{
    public static async Task<JsonElement> OpenConsultationAsync(HttpClient secretariat, DateTimeOffset deadline, params string[] invited) =>
        await secretariat.PostJsonAsync("/api/v1/consultations", new
        {
            title = "Comments on the scope, objectives and structure of the new convention",
            question = "What should the scope, objectives and structure (elements) of the new convention be?",
            invitation = "The Chair invites Member States to submit their comments.",
            introduction = "On 11 August 2021, the Chair invited Member States to present their comments.\n\n"
                + "The secretariat compiled the comments received.",
            language = "en",
            symbol = "A/AC.291/4",
            deadline,
            invitedStates = invited,
        }).ExpectAsync(HttpStatusCode.Created);

    public static object Paragraphs(params (string Kind, string Text)[] ps) => ps.Select(p => new { kind = p.Kind, text = p.Text }).ToArray();

    public static readonly object L11 = Paragraphs(
        ("preambular", "Recalling its resolution 65/230 of 21 December 2010,"),
        ("preambular", "Noting with appreciation the work of the Office,"),
        ("operative", "1. Requests the Office to continue to provide technical assistance;"),
        ("operative", "2. Decides to remain seized of the matter."));

    public static async Task<JsonElement> CreateDraftAsync(
        HttpClient delegateClient, string title = "Countering the use of information and communications technologies for criminal purposes") =>
        await delegateClient.PostJsonAsync("/api/v1/drafts", new { title, agendaItem = "107", language = "en", paragraphs = L11 })
            .ExpectAsync(HttpStatusCode.Created);

    private static int _symbol = 1000;

    public static string NewSymbol() => $"A/C.3/74/L.{Interlocked.Increment(ref _symbol)}";
}
