using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Entraide.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace Entraide.App.Infrastructure.Localization;

/// <summary>
/// How every page writes dates and times: in the reader's culture — English as in the United Kingdom
/// (day before month, 24-hour clock) unless the browser asks for another English (en-US, en-IN…) — and
/// always with the zone a time is in, UTC unless a zone is given.
/// </summary>
public static partial class Dates
{
    private static readonly CultureInfo BritishEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The culture dates and numbers are formatted in, for a request in <paramref name="language"/>: the first
    /// regional culture of that language the browser names, else the language's default (en-GB for English).
    /// </summary>
    public static CultureInfo FormattingCulture(string language, IEnumerable<StringWithQualityHeaderValue>? acceptLanguage)
    {
        foreach (var asked in (acceptLanguage ?? []).OrderByDescending(a => a.Quality ?? 1))
        {
            var name = asked.Value.Value;
            if (name is null || !name.Contains('-', StringComparison.Ordinal)) continue;
            if (!string.Equals(Languages.Normalise(name), language, StringComparison.Ordinal)) continue;
            try
            {
                var culture = CultureInfo.GetCultureInfo(name);
                // A regional Arabic culture may count in another calendar: Entraide's dates are Gregorian.
                if (culture.Calendar is GregorianCalendar) return culture;
            }
            catch (CultureNotFoundException)
            {
            }
        }
        return language == Languages.English ? BritishEnglish : Languages.Culture(language);
    }

    /// <summary>A date in the current culture's short form.</summary>
    public static string Date(DateOnly d) => d.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>
    /// A calendar day in UTC, saying so, with the month named so that no reader takes the day for the month:
    /// "4 Dec 2026 (UTC)" in British English, "Dec 4, 2026 (UTC)" in American, "4 déc. 2026 (UTC)" in French. A
    /// date-only legal deadline, a vote's date or the day of an instant is a day in UTC on Entraide, which is not
    /// the same day everywhere.
    /// </summary>
    public static string Day(DateOnly d)
    {
        var culture = CultureInfo.CurrentCulture;
        return d.ToString(DayPatterns.GetOrAdd(culture.Name, _ => DayPattern(culture)), culture) + " (UTC)";
    }

    /// <summary>The calendar day in UTC of an instant, saying so (<see cref="Day(DateOnly)"/>).</summary>
    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>
    /// A date and time in <paramref name="zone"/> (UTC when null), followed by the zone's name; with
    /// <paramref name="seconds"/>, to the second (a delivery log, where attempts are seconds apart).
    /// </summary>
    public static string Moment(DateTimeOffset at, TimeZoneInfo? zone = null, bool seconds = false)
    {
        var z = zone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, z);
        var label = z == TimeZoneInfo.Utc ? "UTC" : z.Id;
        return local.ToString(seconds ? "G" : "g", CultureInfo.CurrentCulture) + " " + label;
    }

    /// <summary>
    /// A date and time in the zone named by its IANA id (UTC when null or unknown to this machine), followed by the
    /// name of the zone it is actually written in.
    /// </summary>
    public static string Moment(DateTimeOffset at, string? zoneId) =>
        Moment(at, zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : null);

    private static readonly ConcurrentDictionary<string, string> DayPatterns = new(StringComparer.Ordinal);

    /// <summary>The culture's long date without the weekday, its month abbreviated ("d MMM yyyy" in British English).</summary>
    internal static string DayPattern(CultureInfo culture) =>
        WeekdayInPattern().Replace(culture.DateTimeFormat.LongDatePattern, " ").Trim().Replace("MMMM", "MMM", StringComparison.Ordinal);

    [GeneratedRegex(@"\s*dddd[\s,\u060C]*")]
    private static partial Regex WeekdayInPattern();

    /// <summary>A date-time in ISO 8601 for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Sets the formatting culture of each request (<see cref="Dates.FormattingCulture"/>) once its language is known.</summary>
internal sealed class FormattingCultures(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var language = CultureCookie.Current;
        CultureInfo.CurrentCulture = Dates.FormattingCulture(language, http.Request.GetTypedHeaders().AcceptLanguage);
        return next(http);
    }
}
