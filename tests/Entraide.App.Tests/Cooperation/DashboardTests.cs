using System.Net;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>The signed-in officer's home page: the working day in figures and a chart of the coming deadlines, without JavaScript.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Home_ForAnOfficer_IsTheDashboard_WithTheEmergencyAndItsClockInTheChart(Db db)
    {
        var app = fixture.App(db);
        var state = "BRA";
        var id = (await app.ClientFor("FRA", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", state,
            CooperationTestData.CompleteFields("emergency")))).Id();
        var point = await Accounts.CreateAsync(app, state, "en", Roles.PointOfContact);
        var html = await (await Accounts.SignInAsync(app, point)).GetStringAsync("/");
        var doc = new HtmlParser().ParseDocument(html);

        Assert.NotNull(doc.QuerySelector("[data-testid=dashboard]"));
        Assert.Null(doc.QuerySelector("p.lead"));
        Assert.True(int.Parse(doc.QuerySelector("[data-testid=tile-emergencies] .figure")!.TextContent,
            System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var chart = doc.QuerySelector("svg[data-testid=deadline-chart]")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector("title")!.TextContent));
        Assert.Contains("per day", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, chart.QuerySelectorAll("[data-testid=chart-bar]").Length);
        Assert.True(chart.QuerySelectorAll("[data-testid=chart-bar]").Sum(b => int.Parse(b.GetAttribute("data-count")!,
            System.Globalization.CultureInfo.InvariantCulture)) >= 1);
        Assert.NotNull(doc.QuerySelector($"[data-testid=coming-clocks] a[href='/requests/{id}']"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Home_ForAVisitorOrADelegate_IsThePublicIntroduction(Db db)
    {
        var app = fixture.App(db);
        var visitor = new HtmlParser().ParseDocument(await app.Anonymous().GetStringAsync("/"));
        Assert.Null(visitor.QuerySelector("[data-testid=dashboard]"));
        Assert.NotNull(visitor.QuerySelector("p.lead"));
        var delegateUser = await Accounts.CreateAsync(app, "FRA", "en", Roles.Delegate);
        var html = await (await Accounts.SignInAsync(app, delegateUser)).GetStringAsync("/");
        Assert.DoesNotContain("data-testid=\"dashboard\"", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Home_ShowsNothingOfAThirdStatesRequests(Db db)
    {
        var app = fixture.App(db);
        var id = (await app.ClientFor("FRA", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "BRA",
            CooperationTestData.CompleteFields("emergency")))).Id();
        var third = await Accounts.CreateAsync(app, "DEU", "en", Roles.PointOfContact, Roles.CentralAuthority);
        var html = await (await Accounts.SignInAsync(app, third)).GetStringAsync("/");
        Assert.Contains("data-testid=\"dashboard\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(id, html, StringComparison.Ordinal);
    }
}
