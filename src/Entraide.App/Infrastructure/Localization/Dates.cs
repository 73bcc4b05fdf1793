using System.Globalization;
using Entraide.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace Entraide.App.Infrastructure.Localization;

/// <summary>
/// How every page writes dates and times: in the reader's culture — English as in the United Kingdom
/// (day before month, 24-hour clock) unless the browser asks for another English (en-US, en-IN…) — and
/// always with the zone a time is in, UTC unless a zone is given.
/// </summary>
public static class Dates
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

    /// <summary>A date and time in <paramref name="zone"/> (UTC when null), followed by the zone's name.</summary>
    public static string Moment(DateTimeOffset at, TimeZoneInfo? zone = null)
    {
        var z = zone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, z);
        var label = z == TimeZoneInfo.Utc ? "UTC" : z.Id;
        return local.ToString("g", CultureInfo.CurrentCulture) + " " + label;
    }

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
