using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Tests.Deliberation;
using Microsoft.Net.Http.Headers;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>Dates follow the reader's culture (English as in the United Kingdom unless the browser says otherwise) and name their zone.</summary>
[Collection(AppCollection.Name)]
public sealed class DatesTests(AppFixture fixture)
{
    [Fact]
    public void FormattingCulture_EnglishIsBritishUnlessTheBrowserAsksForAnotherEnglish()
    {
        Assert.Equal("en-GB", Dates.FormattingCulture("en", null).Name);
        Assert.Equal("en-US", Dates.FormattingCulture("en", [StringWithQualityHeaderValue.Parse("en-US")]).Name);
        // A regional culture of another language than the page's is not taken.
        Assert.Equal("en-GB", Dates.FormattingCulture("en", [StringWithQualityHeaderValue.Parse("fr-CA")]).Name);
        Assert.Equal("fr-CA", Dates.FormattingCulture("fr", [StringWithQualityHeaderValue.Parse("fr-CA")]).Name);
        Assert.Equal("fr", Dates.FormattingCulture("fr", null).Name);
    }

    [Fact]
    public void Moment_SaysWhichZone()
    {
        var at = new DateTimeOffset(2026, 12, 4, 13, 5, 0, TimeSpan.Zero);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("04/12/2026 13:05 UTC", Dates.Moment(at));
            Assert.Equal("04/12/2026 22:05 Asia/Tokyo", Dates.Moment(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Day_SaysTheCalendarDayIsInUtc()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("4 Dec 2026 (UTC)", Dates.Day(new DateOnly(2026, 12, 4)));
            // An instant's day is its day in UTC: late evening in New York is already the next day.
            Assert.Equal("5 Dec 2026 (UTC)", Dates.Day(new DateTimeOffset(2026, 12, 4, 21, 30, 0, TimeSpan.FromHours(-5))));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Dec 4, 2026 (UTC)", Dates.Day(new DateOnly(2026, 12, 4)));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("4 déc. 2026 (UTC)", Dates.Day(new DateOnly(2026, 12, 4)));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh");
            Assert.Equal("2026年12月4日 (UTC)", Dates.Day(new DateOnly(2026, 12, 4)));
            // Every language reads a day without its weekday.
            foreach (var language in Entraide.Domain.Common.Languages.All)
                Assert.DoesNotContain("dddd", Dates.DayPattern(Entraide.Domain.Common.Languages.Culture(language)), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Moment_ToTheSecond_OrInAZoneNamedById_StillSaysWhichZone()
    {
        var at = new DateTimeOffset(2026, 12, 4, 13, 5, 9, TimeSpan.Zero);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("04/12/2026 13:05:09 UTC", Dates.Moment(at, seconds: true));
            Assert.Equal("04/12/2026 14:05 Europe/Paris", Dates.Moment(at, "Europe/Paris"));
            // A zone this machine does not know is not guessed: the time is written in UTC, and says so.
            Assert.Equal("04/12/2026 13:05 UTC", Dates.Moment(at, "Mars/Olympus_Mons"));
            Assert.Equal("04/12/2026 13:05 UTC", Dates.Moment(at, (string?)null));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ConsultationsPage_WritesTheDeadlineInBritishEnglish_WithItsZone(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var deadline = app.Clock.GetUtcNow().AddDays(3);
        var c = await DeliberationCalls.OpenConsultationAsync(app.Secretariat(), deadline, "FRA");
        var html = await app.Secretariat("en").GetStringAsync($"/consultations/{c.GetProperty("id").GetString()}");
        var shown = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=deadline] time")!.TextContent;
        var stored = DateTimeOffset.Parse(c.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(stored.UtcDateTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC", shown);
    }
}
