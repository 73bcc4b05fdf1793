using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.App.Tests.Network;

[Collection(AppCollection.Name)]
public sealed class VerificationApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Acknowledge_ByThePoint_RecordsTheTimeAndShowsOnTheRegister(Db db)
    {
        var app = fixture.App(db);
        var round = await NetworkSamples.StartRoundAsync(app);
        var checkId = NetworkSamples.CheckOf(round, "JPN");
        var poc = app.ClientFor("JPN", Roles.PointOfContact);
        var mine = await poc.GetAsync("/api/v1/verification/checks").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("id").GetString() == checkId && c.GetProperty("outcome").GetString() == "pending");

        var ack = await poc.PostJsonAsync($"/api/v1/verification/checks/{checkId}/acknowledge", new { }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("acknowledged", ack.GetProperty("outcome").GetString());
        Assert.True(ack.GetProperty("minutesToAcknowledge").GetDouble() >= 0);
        await poc.PostJsonAsync($"/api/v1/verification/checks/{checkId}/acknowledge", new { })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "already-acknowledged");

        var profile = await app.Anonymous().GetAsync("/api/v1/states/JPN/profile").ExpectAsync(HttpStatusCode.OK);
        var point = profile.GetProperty("authorities")
            .EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == ack.GetProperty("authorityId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, point.GetProperty("lastVerifiedAt").ValueKind);

        var history = await app.ClientFor("JPN", Roles.StateAdministrator).GetAsync("/api/v1/states/JPN/verification").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(history.EnumerateArray(),
            c => c.GetProperty("id").GetString() == checkId && c.GetProperty("acknowledgedBy").GetString() is { Length: > 0 });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Acknowledge_ByAnotherStatesPoint_IsNotFound(Db db)
    {
        var app = fixture.App(db);
        var checkId = NetworkSamples.CheckOf(await NetworkSamples.StartRoundAsync(app), "IND");
        await app.ClientFor("BRA", Roles.PointOfContact).PostJsonAsync($"/api/v1/verification/checks/{checkId}/acknowledge", new { })
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        await app.ClientFor("IND", Roles.Investigator).PostJsonAsync($"/api/v1/verification/checks/{checkId}/acknowledge", new { })
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
        var check = await app.ClientFor(null, Roles.Secretariat).GetAsync($"/api/v1/verification/checks/{checkId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("pending", check.GetProperty("outcome").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StartRound_ByAStateOrWithAnAbsurdDeadline_IsRefused(Db db)
    {
        var app = fixture.App(db);
        await app.ClientFor("FRA", Roles.StateAdministrator).PostJsonAsync("/api/v1/verification/rounds", new { responseHours = 24 })
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
        await app.ClientFor(null, Roles.Secretariat).PostJsonAsync("/api/v1/verification/rounds", new { responseHours = 0.1 })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "response-time-range");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Round_PastItsDeadline_FlagsTheSilentPointsAndSummarises(Db db)
    {
        var app = fixture.App(db);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var later = app.Derive(s => s.AddSingleton<TimeProvider>(clock));
        HttpClient ClientFor(string? state, string role)
        {
            var c = later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken(state, role));
            return c;
        }

        var secretariat = ClientFor(null, Roles.Secretariat);
        var round = await secretariat.PostJsonAsync("/api/v1/verification/rounds", new { responseHours = 24 }).ExpectAsync(HttpStatusCode.Created);
        var roundId = round.GetProperty("round").GetProperty("id").GetString();
        clock.Advance(TimeSpan.FromMinutes(30));
        await ClientFor("AUS",
            Roles.PointOfContact).PostJsonAsync($"/api/v1/verification/checks/{NetworkSamples.CheckOf(round, "AUS")}/acknowledge", new { })
            .ExpectAsync(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromHours(5));
        await ClientFor("NGA",
            Roles.PointOfContact).PostJsonAsync($"/api/v1/verification/checks/{NetworkSamples.CheckOf(round, "NGA")}/acknowledge", new { })
            .ExpectAsync(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromHours(19));

        var detail = await secretariat.GetAsync($"/api/v1/verification/rounds/{roundId}").ExpectAsync(HttpStatusCode.OK);
        var summary = detail.GetProperty("round").GetProperty("summary");
        var sent = summary.GetProperty("sent").GetInt32();
        Assert.True(sent >= 12);
        Assert.Equal(1, summary.GetProperty("withinOneHour").GetInt32());
        Assert.Equal(2, summary.GetProperty("withinOneDay").GetInt32());
        Assert.Equal(sent - 2, summary.GetProperty("unanswered").GetInt32());
        Assert.Equal(Math.Round(1.0 / sent, 4), summary.GetProperty("shareWithinOneHour").GetDouble(), 4);
        var checks = detail.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal("unanswered", checks[0].GetProperty("outcome").GetString());
        Assert.Equal("acknowledged", checks.Single(c => c.GetProperty("state").GetString() == "AUS").GetProperty("outcome").GetString());

        var flags = await ClientFor("MEX", Roles.StateAdministrator).GetAsync("/api/v1/states/MEX/flags").ExpectAsync(HttpStatusCode.OK);
        var codes = flags.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("point-unanswered", codes);
        Assert.Contains("profile-review-due", codes);   // the demo leaves Mexico's profile thirteen months old
        var register = await ClientFor("BRA", Roles.CentralAuthority).GetAsync("/api/v1/register?q=MEX").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(register.GetProperty("states")[0].GetProperty("authorities").EnumerateArray(), a => a.GetProperty("unanswered").GetBoolean());
        var ausFlags = await ClientFor("AUS", Roles.StateAdministrator).GetAsync("/api/v1/states/AUS/flags").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(ausFlags.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("code").GetString() == "point-unanswered");

        // A late answer is kept late, and the point is reachable again on the register.
        var late = await ClientFor("MEX",
            Roles.PointOfContact).PostJsonAsync($"/api/v1/verification/checks/{NetworkSamples.CheckOf(round, "MEX")}/acknowledge", new { })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("late", late.GetProperty("outcome").GetString());
        var mexFlags = await ClientFor("MEX", Roles.StateAdministrator).GetAsync("/api/v1/states/MEX/flags").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(mexFlags.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("code").GetString() == "point-unanswered");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ProfileReview_TwelveMonthsLater_RemindsTheAdministratorsUntilConfirmed(Db db)
    {
        var app = fixture.App(db);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var later = app.Derive(s => s.AddSingleton<TimeProvider>(clock));
        var admin = later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("PER", Roles.StateAdministrator));

        var saved = await admin.PutAsJsonAsync("/api/v1/states/PER/profile",
            NetworkSamples.Profile(languages: ["es"])).ExpectAsync(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromDays(364));
        var early = await admin.GetAsync("/api/v1/states/PER/flags").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(early.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("code").GetString() == "profile-review-due");
        clock.Advance(TimeSpan.FromDays(2));
        var due = await admin.GetAsync("/api/v1/states/PER/flags").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(due.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("code").GetString() == "profile-review-due");

        await admin.PostJsonAsync("/api/v1/states/PER/profile/confirm",
            new { expectedVersion = saved.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        var after = await admin.GetAsync("/api/v1/states/PER/flags").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(after.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("code").GetString() == "profile-review-due");
    }
}
