using System.Globalization;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;

namespace Entraide.App.Network.Pages;

/// <summary>Errors of a form, each tied to the field at fault so the page can point at it.</summary>
public sealed class FieldErrors
{
    private readonly List<(string? Field, string Message)> _all = [];

    public bool Any => _all.Count > 0;
    public IReadOnlyList<(string? Field, string Message)> All => _all;

    public void Add(DomainException ex, ErrorMessages text)
    {
        if (ex.Kind is FailureKind.NotFound) throw ex;
        foreach (var e in ex.Errors)
        {
            _all.Add((e.Field, ProblemResponses.Describe(text, e)));
        }
        if (ex.Errors.Count == 0) _all.Add((null, text[ex.Kind == FailureKind.Conflict ? "conflict" : "invalid"].Value));
    }

    public bool Has(string field) => _all.Any(e => e.Field == field);

    public string? For(string field) => Has(field) ? string.Join(" ", _all.Where(e => e.Field == field).Select(e => e.Message)) : null;

    /// <summary>aria-invalid value for an input: "true" or nothing.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>aria-describedby value pointing at the field's message, when there is one.</summary>
    public string? Described(string field) => Has(field) ? field + "-error" : null;
}

/// <summary>How the Network pages show days, instants and languages in the page's language.</summary>
public static class Display
{
    public static CultureInfo Culture => Languages.Culture(CultureCookie.Current);

    public static string Day(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    public static string Day(string englishDay) => Enum.TryParse<DayOfWeek>(englishDay, ignoreCase: true, out var d) ? Day(d) : englishDay;

    public static string Instant(DateTimeOffset? at) => at is { } d ? Dates.Moment(d) : "—";

    public static string Date(DateOnly? d) => d is { } x ? Dates.Date(x) : "—";

    public static string Date(DateTimeOffset? d) => d is { } x ? Dates.Day(x) : "—";

    /// <summary>A language's own name (its autonym), so a reader of any language recognises it.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var c = CultureInfo.GetCultureInfo(code);
            return c.NativeName is { Length: > 0 } n && !c.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? n : code;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    public static string Percent(double share) => share.ToString("P0", Culture);
}
