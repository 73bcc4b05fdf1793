using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Notifications;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// The 24/7 point's live stream: an emergency submitted to its State reaches its open page without a reload; a
/// third State's open stream hears nothing of it; and the emergencies open when a page connects come first.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LiveEmergencyTests(AppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>An open stream: each <c>emergency</c> event's data as it arrives.</summary>
    private sealed class Stream : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _reading;

        public Channel<JsonElement> Alerts { get; } = Channel.CreateUnbounded<JsonElement>();

        /// <summary>The events that clear an alert (<c>acknowledged</c>, <c>withdrawn</c>, <c>closed</c>), with the request's id.</summary>
        public Channel<(string Kind, string Id)> Cleared { get; } = Channel.CreateUnbounded<(string, string)>();

        private Stream(HttpResponseMessage response)
        {
            Response = response;
            _reading = ReadAsync(response);
        }

        public HttpResponseMessage Response { get; }

        /// <summary>Completes when the server ends the stream.</summary>
        public Task Ended => _reading;

        public static async Task<Stream> OpenAsync(HttpClient client)
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests/live"),
                HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new Stream(response);
        }

        private async Task ReadAsync(HttpResponseMessage response)
        {
            try
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
                string? kind = null;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "emergency")
                        await Alerts.Writer.WriteAsync(JsonDocument.Parse(line[6..]).RootElement.Clone());
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind is "acknowledged" or "withdrawn" or "closed")
                        await Cleared.Writer.WriteAsync((kind, JsonDocument.Parse(line[6..]).RootElement.GetProperty("id").GetString()!));
                    else if (line.Length == 0) kind = null;
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }
        }

        /// <summary>The first alert naming <paramref name="id"/> within <paramref name="within"/>, or null.</summary>
        public async Task<JsonElement?> AlertAboutAsync(string id, TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            try
            {
                while (true)
                {
                    var a = await Alerts.Reader.ReadAsync(timeout.Token);
                    if (a.GetProperty("id").GetString() == id) return a;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>The first clearing event naming <paramref name="id"/> within <paramref name="within"/>, or null.</summary>
        public async Task<string?> ClearedAsync(string id, TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            try
            {
                while (true)
                {
                    var (kind, about) = await Cleared.Reader.ReadAsync(timeout.Token);
                    if (about == id) return kind;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            Response.Dispose();
            await _reading;
            _stop.Dispose();
        }
    }

    private static async Task<string> SubmitEmergencyAsync(TestApp app, string from, string to) =>
        (await app.ClientFor(from, Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", to,
            CooperationTestData.CompleteFields("emergency")))).Id();

    [Theory, ClassData(typeof(Databases))]
    public async Task Stream_EmergencySubmittedWhileOpen_ReachesTheRequestedPoint_AndNoThirdState(Db db)
    {
        var app = fixture.App(db);
        var point = await Accounts.CreateAsync(app, "BRA", "en", Roles.PointOfContact);
        var third = await Accounts.CreateAsync(app, "DEU", "en", Roles.PointOfContact);
        await using var mine = await Stream.OpenAsync(await Accounts.SignInAsync(app, point));
        await using var theirs = await Stream.OpenAsync(await Accounts.SignInAsync(app, third));

        var id = await SubmitEmergencyAsync(app, "FRA", "BRA");

        var alert = await mine.AlertAboutAsync(id, Patience);
        Assert.True(alert is not null, "The requested State's 24/7 point heard nothing of the emergency");
        Assert.Equal("FRA", alert.Value.GetProperty("requestingState").GetString());
        Assert.Equal($"/requests/{id}", alert.Value.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.String, alert.Value.GetProperty("acknowledgeBy").ValueKind);
        // The same poll that served BRA's page served DEU's: it had its chance and must have heard nothing.
        Assert.Null(await theirs.AlertAboutAsync(id, TimeSpan.FromSeconds(2)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Stream_OnConnect_ListsTheOpenEmergencies_UntilOneIsAcknowledged(Db db)
    {
        var app = fixture.App(db);
        var id = await SubmitEmergencyAsync(app, "FRA", "BRA");
        var point = await Accounts.CreateAsync(app, "BRA", "en", Roles.PointOfContact);
        var client = await Accounts.SignInAsync(app, point);

        await using (var first = await Stream.OpenAsync(client))
        {
            Assert.NotNull(await first.AlertAboutAsync(id, Patience));
        }
        var page = await client.GetStringAsync("/requests");
        Assert.Contains($"data-id=\"{id}\"", page, StringComparison.Ordinal);

        await app.ClientFor("BRA", Roles.PointOfContact).StepAsync(id, "acknowledge").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain($"data-id=\"{id}\"", await client.GetStringAsync("/requests"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Stream_EndsWithItsSession_AndCannotBeReopened(Db db)
    {
        await using var app = new TestApp(db);
        app.Settings["Cooperation:LiveHeartbeatSeconds"] = "0.5";
        // One stream per account: the slot of the stream that ended must be free for the next session's.
        app.Settings["Cooperation:LiveStreamsPerAccount"] = "1";
        var point = await Accounts.CreateAsync(app, "BRA", "en", Roles.PointOfContact);
        var client = await Accounts.SignInAsync(app, point);
        await using var stream = await Stream.OpenAsync(client);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(stream.Ended.IsCompleted, "The stream ended while its session held");

        // Sign-out elsewhere (or a reset authenticator) rotates the security stamp: the open stream must die with it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EntraideUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(point.Id))!);
        }
        var ended = await Task.WhenAny(stream.Ended, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(ended == stream.Ended, "The live stream outlived the session that opened it");
        var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests/live"),
            HttpCompletionOption.ResponseHeadersRead);
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);

        // The ended stream gave its slot back: the account's next session may follow the emergencies again.
        var slots = app.Services.GetRequiredService<Entraide.App.Cooperation.Live.LiveStreamSlots>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (slots.OpenFor(point.Id) > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, slots.OpenFor(point.Id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Stream_BeyondTheCapPerAccount_IsRefusedWith429InTheReadersLanguage_UntilOneCloses(Db db)
    {
        var app = fixture.App(db);
        var point = await Accounts.CreateAsync(app, "BRA", "fr", Roles.PointOfContact);
        var client = await Accounts.SignInAsync(app, point);
        var open = new List<Stream>();
        try
        {
            for (var i = 0; i < 5; i++) open.Add(await Stream.OpenAsync(client));
            using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests/live"),
                HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.EndsWith("/live-streams-exhausted", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Contains("5", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("Fermez", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            // Another account of the same State is not held back by this one's pages.
            var colleague = await Accounts.SignInAsync(app, await Accounts.CreateAsync(app, "BRA", "en", Roles.PointOfContact));
            await using (await Stream.OpenAsync(colleague))
            {
            }

            // Closing a page frees its slot once the server notices (at once in-process; by the next heartbeat behind a proxy).
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            HttpStatusCode status = 0;
            var deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests/live"),
                    HttpCompletionOption.ResponseHeadersRead);
                status = again.StatusCode;
                if (status == HttpStatusCode.OK)
                {
                    again.Dispose();
                    break;
                }
                again.Dispose();
                await Task.Delay(200);
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            foreach (var s in open) await s.DisposeAsync();
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Stream_EmergencyAcknowledgedByAColleague_OrWithdrawn_IsClearedOnTheOpenPage(Db db)
    {
        var app = fixture.App(db);
        var point = await Accounts.CreateAsync(app, "BRA", "en", Roles.PointOfContact);
        var third = await Accounts.CreateAsync(app, "DEU", "en", Roles.PointOfContact);
        await using var mine = await Stream.OpenAsync(await Accounts.SignInAsync(app, point));
        await using var theirs = await Stream.OpenAsync(await Accounts.SignInAsync(app, third));
        var acknowledged = await SubmitEmergencyAsync(app, "FRA", "BRA");
        var withdrawn = await SubmitEmergencyAsync(app, "FRA", "BRA");
        Assert.NotNull(await mine.AlertAboutAsync(acknowledged, Patience));
        Assert.NotNull(await mine.AlertAboutAsync(withdrawn, Patience));

        // A colleague acknowledges on another page (another token of the same State's 24/7 point).
        await app.ClientFor("BRA", Roles.PointOfContact).StepAsync(acknowledged, "acknowledge").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("acknowledged", await mine.ClearedAsync(acknowledged, Patience));
        await app.ClientFor("FRA", Roles.PointOfContact).StepAsync(withdrawn, "withdraw").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("withdrawn", await mine.ClearedAsync(withdrawn, Patience));
        // A third State was never shown them, and hears nothing of their end either.
        Assert.Null(await theirs.ClearedAsync(acknowledged, TimeSpan.FromSeconds(1)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Stream_NotAPointOfContact_IsRefused(Db db)
    {
        var app = fixture.App(db);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/requests/live")).StatusCode);
        var ca = await Accounts.CreateAsync(app, "BRA", "en", Roles.CentralAuthority);
        var response = await (await Accounts.SignInAsync(app, ca)).GetAsync("/api/v1/requests/live");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Inbox_Emergency_ShowsItsOwnBadge_AndTheAcknowledgementClock(Db db)
    {
        var app = fixture.App(db);
        var id = await SubmitEmergencyAsync(app, "FRA", "BRA");
        var html = await app.ClientFor("BRA", Roles.PointOfContact).GetStringAsync("/requests?box=incoming");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var row = doc.QuerySelectorAll("[data-testid=inbox-row]").Single(r => r.QuerySelector($"a[href='/requests/{id}']") is not null);
        Assert.NotNull(row.QuerySelector("[data-testid=emergency-badge]"));
        Assert.DoesNotContain("Urgent", row.TextContent, StringComparison.Ordinal);
        var clock = row.QuerySelector("[data-testid=clock-acknowledge] time[data-countdown]");
        Assert.NotNull(clock);
        var by = DateTimeOffset.Parse(clock!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        var view = await app.ClientFor("BRA", Roles.PointOfContact).GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        var expected = view.GetProperty("acknowledgeBy").GetDateTimeOffset();
        Assert.InRange(by, expected.AddSeconds(-1), expected.AddSeconds(1));
    }
}
