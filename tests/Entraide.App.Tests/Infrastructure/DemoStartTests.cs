using System.Net;
using Entraide.App.Cooperation.Requests;
using Entraide.App.Tests.Cooperation;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// A demo start gives a lived-in platform: every demo State has requests, in every status; the secretariat has a
/// consultation with submissions, an issued draft and a closed vote; a second start adds none of them again.
/// </summary>
public sealed class DemoStartTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task DemoStart_FillsEveryDemoInbox_WithRequestsInEveryStatus_AndASecondStartAddsNothing(Db db)
    {
        await using var app = new TestApp(db);
        app.Settings["Entraide:DemoContent"] = "true";
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in DemoAccounts.States)
        {
            var seen = 0;
            foreach (var role in new[] { Roles.CentralAuthority, Roles.PointOfContact })
            {
                var client = app.ClientFor(state, role);
                foreach (var box in new[] { "incoming", "outgoing" })
                {
                    var page = await client.GetAsync($"/api/v1/requests?box={box}").ExpectAsync(HttpStatusCode.OK);
                    foreach (var item in page.GetProperty("items").EnumerateArray())
                    {
                        seen++;
                        statuses.Add(item.GetProperty("status").GetString()!);
                    }
                }
            }
            Assert.True(seen > 0, $"The demo inbox of {state} is empty.");
        }
        Assert.Equal(Enum.GetValues<RequestStatus>().Select(RequestLifecycle.Code).Order(), statuses.Order());

        // The emergency sent ten hours ago is overdue for acknowledgement; the preservation executed 55 days ago expires soon.
        var jpn = await app.ClientFor("JPN", Roles.PointOfContact).GetAsync("/api/v1/requests?box=incoming&bucket=overdue")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(jpn.GetProperty("items").EnumerateArray(), i => i.GetProperty("type").GetString() == "emergency");
        var expiring = await app.WithDbAsync(d => d.Set<CooperationRequest>().Where(r => r.Type == RequestType.ExpeditedPreservation)
            .Select(r => r.PreservationExpiresAt).ToListAsync());
        Assert.Contains(expiring, e => e is { } at && at > DateTimeOffset.UtcNow && at < DateTimeOffset.UtcNow.AddDays(10));

        // Sent through the real use case: each demo request carries its idempotency key and a timeline.
        var count = await app.WithDbAsync(d => d.Set<CooperationRequest>().CountAsync());
        Assert.True(await app.WithDbAsync(d => d.Set<SubmissionKey>().CountAsync(k => k.Key.StartsWith("demo-"))) >= 18);

        // The secretariat's side: a consultation with submissions, an issued draft, a closed vote.
        var consultation = await app.WithDbAsync(d => d.Set<Consultation>().SingleAsync(c => c.Title.StartsWith("Protocol on the collection")));
        Assert.Equal(3, await app.WithDbAsync(d => d.Set<Submission>().CountAsync(x => x.ConsultationId == consultation.Id)));
        var draft = await app.WithDbAsync(d => d.Set<DraftResolution>().SingleAsync(x => x.Symbol == "A/C.3/80/L.11"));
        Assert.NotNull(draft.IssuedAt);
        Assert.NotNull(await app.WithDbAsync(d => d.Set<Vote>().Where(v => v.DraftSymbol == "A/C.3/80/L.11").Select(v => v.ClosedAt).SingleAsync()));

        await using var second = app.Derive(_ => { });
        _ = second.Server;
        Assert.Equal(count, await app.WithDbAsync(d => d.Set<CooperationRequest>().CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Consultation>().CountAsync(c => c.Title.StartsWith("Protocol on the collection"))));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Vote>().CountAsync(v => v.DraftSymbol == "A/C.3/80/L.11")));
    }
}
