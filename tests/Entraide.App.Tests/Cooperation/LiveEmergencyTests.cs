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
