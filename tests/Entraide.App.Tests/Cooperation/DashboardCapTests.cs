using System.Globalization;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Notifications;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// A State with more open requests than the dashboard reads: its figures say "at least" where they are read from a capped
/// list, the page says the list is capped, and nothing shown claims an exact count the page does not have.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardCapTests(AppFixture fixture)
{
    /// <summary>A State no other test sends requests to, so that every open request of its inbox is this test's.</summary>
    private const string Crowded = "MNG";
    private const int Seeded = 230;

    [Theory, ClassData(typeof(Databases))]
    public async Task Home_WithMoreThan200OpenEmergencies_ShowsTheFiguresAsLowerBounds_AndSaysTheListIsCapped(Db db)
    {
        var app = fixture.App(db);
        await SeedEmergenciesAsync(app, Seeded);
        var point = await Accounts.CreateAsync(app, Crowded, "en", Roles.PointOfContact);
        var client = await Accounts.SignInAsync(app, point);
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));

        var cap = Entraide.App.Cooperation.Dashboard.DashboardQueries.Sample;
        Assert.True(Seeded > cap);
        var emergencies = doc.QuerySelector("[data-testid=tile-emergencies] .figure")!.TextContent.Trim();
        Assert.Equal(cap.ToString(CultureInfo.InvariantCulture) + "+", emergencies);
        var note = doc.QuerySelector("[data-testid=dashboard-partial]");
        Assert.NotNull(note);
        Assert.Contains(cap.ToString(CultureInfo.InvariantCulture), note!.TextContent, StringComparison.Ordinal);

        // Figures without "+" are exact counts of the inbox, and must be at least what the capped chart shows.
        var chart = doc.QuerySelectorAll("[data-testid=chart-bar]").Sum(b => int.Parse(b.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
        Assert.InRange(chart, 1, Seeded);
        // The figures without "+" are the inbox's own exact counts, as the inbox reads them.
        var counts = (await client.GetAsync("/api/v1/requests?box=incoming")
            .ExpectAsync(System.Net.HttpStatusCode.OK)).GetProperty("counts");
        foreach (var (tile, count) in new[] { ("tile-new", "new"), ("tile-due", "dueSoon"), ("tile-overdue", "overdue") })
        {
            var figure = doc.QuerySelector($"[data-testid={tile}] .figure")!.TextContent.Trim();
            Assert.Equal(counts.GetProperty(count).GetInt32().ToString(CultureInfo.InvariantCulture), figure);
        }
        Assert.True(counts.GetProperty("new").GetInt32() >= Seeded);
        // The coming deadlines list the first of them, each a real request of the State.
        var rows = doc.QuerySelectorAll("[data-testid=coming-clocks] tbody tr");
        Assert.Equal(Entraide.App.Cooperation.Dashboard.DashboardQueries.ListedClocks, rows.Length);
    }

    private static async Task SeedEmergenciesAsync(TestApp app, int count)
    {
        var already = await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            d.Set<CooperationRequest>(), r => r.RequestedState == Crowded));
        if (already >= count) return;
        var fra = new Actor("test-fra-poc", "FRA 24/7", "FRA", new HashSet<string> { Roles.PointOfContact });
        var fields = CooperationTestData.CompleteFields("emergency");
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async d =>
        {
            for (var i = already; i < count; i++)
            {
                var r = CooperationRequest.Draft(new DraftContent("emergency", Crowded, "en", null, false, fields, null, null, null), fra,
                    now.AddSeconds(-i), StateDirectory.Default);
                r.Submit(Side.Requesting, fra, now.AddSeconds(-i), new RequestedStateTerms([], null));
                d.Add(r);
            }
            return await d.SaveChangesAsync();
        });
    }
}
