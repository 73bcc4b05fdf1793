using System.Globalization;
using Entraide.Domain.Common;

namespace Entraide.Domain.Deliberation;

/// <summary>
/// The editorial forms of UN documents in the six languages: how a date, a language name and the
/// "[Original: …]" line are written. They follow the forms of the official documents (A/AC.291/4 and
/// its language versions), not the cultures' defaults, which differ (Arabic month names, Russian "года").
/// </summary>
public static class UnFormats
{
    private const char Nbsp = '\u00A0';

    // UN Arabic documents give both the Syriac-derived and the Latin-derived month name.
    private static readonly string[] ArabicMonths =
    [
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
        "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
    ];

    private static readonly string[] RussianMonthsGenitive =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    /// <summary>A date as UN documents in <paramref name="language"/> print it: "29 octobre 2021", "2021年10月29日".</summary>
    public static string Date(DateOnly date, string language) => language switch
    {
        Languages.French => $"{date.Day}{(date.Day == 1 ? "er" : "")} {date.ToString("MMMM", Languages.Culture(language))} {date.Year}",
        Languages.Spanish => $"{date.Day} de {date.ToString("MMMM", Languages.Culture(language))} de {date.Year}",
        Languages.Russian => $"{date.Day} {RussianMonthsGenitive[date.Month - 1]} {date.Year} года",
        Languages.Arabic => $"{date.Day} {ArabicMonths[date.Month - 1]} {date.Year}",
        Languages.Chinese => $"{date.Year}年{date.Month}月{date.Day}日",
        _ => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The name of <paramref name="language"/> as written in <paramref name="inLanguage"/> (lower case where the language writes it so).
    /// </summary>
    public static string LanguageName(string language, string inLanguage) => (inLanguage, language) switch
    {
        (Languages.French, Languages.Arabic) => "arabe",
        (Languages.French, Languages.Chinese) => "chinois",
        (Languages.French, Languages.English) => "anglais",
        (Languages.French, Languages.French) => "français",
        (Languages.French, Languages.Russian) => "russe",
        (Languages.French, Languages.Spanish) => "espagnol",
        (Languages.Spanish, Languages.Arabic) => "árabe",
        (Languages.Spanish, Languages.Chinese) => "chino",
        (Languages.Spanish, Languages.English) => "inglés",
        (Languages.Spanish, Languages.French) => "francés",
        (Languages.Spanish, Languages.Russian) => "ruso",
        (Languages.Spanish, Languages.Spanish) => "español",
        (Languages.Russian, Languages.Arabic) => "арабском",
        (Languages.Russian, Languages.Chinese) => "китайском",
        (Languages.Russian, Languages.English) => "английском",
        (Languages.Russian, Languages.French) => "французском",
        (Languages.Russian, Languages.Russian) => "русском",
        (Languages.Russian, Languages.Spanish) => "испанском",
        (Languages.Arabic, Languages.Arabic) => "العربية",
        (Languages.Arabic, Languages.Chinese) => "الصينية",
        (Languages.Arabic, Languages.English) => "الإنكليزية",
        (Languages.Arabic, Languages.French) => "الفرنسية",
        (Languages.Arabic, Languages.Russian) => "الروسية",
        (Languages.Arabic, Languages.Spanish) => "الإسبانية",
        (Languages.Chinese, Languages.Arabic) => "阿拉伯文",
        (Languages.Chinese, Languages.Chinese) => "中文",
        (Languages.Chinese, Languages.English) => "英文",
        (Languages.Chinese, Languages.French) => "法文",
        (Languages.Chinese, Languages.Russian) => "俄文",
        (Languages.Chinese, Languages.Spanish) => "西班牙文",
        (_, Languages.Arabic) => "Arabic",
        (_, Languages.Chinese) => "Chinese",
        (_, Languages.English) => "English",
        (_, Languages.French) => "French",
        (_, Languages.Russian) => "Russian",
        (_, Languages.Spanish) => "Spanish",
        _ => language,
    };

    /// <summary>The line under a State's heading in a compilation: "[Original : anglais]", "[Подлинный текст на английском языке]".</summary>
    public static string OriginalLine(string originalLanguage, string inLanguage) => inLanguage switch
    {
        Languages.French => $"[Original{Nbsp}: {LanguageName(originalLanguage, inLanguage)}]",
        Languages.Russian => $"[Подлинный текст на {LanguageName(originalLanguage, inLanguage)} языке]",
        Languages.Arabic => $"[الأصل: ب{LanguageName(originalLanguage, inLanguage)}]",
        Languages.Chinese => $"[原件：{LanguageName(originalLanguage, inLanguage)}]",
        _ => $"[Original: {LanguageName(originalLanguage, inLanguage)}]",
    };

    public static string DateLine(DateOnly date, string language) => $"[{Date(date, language)}]";

    /// <summary>French puts a no-break space before a colon; Chinese uses the full-width colon.</summary>
    public static string Colon(string language) => language switch
    {
        Languages.French => Nbsp + ":",
        Languages.Chinese => "：",
        _ => ":",
    };

    /// <summary>How names are joined in a list and how the list ends.</summary>
    public static (string Separator, string End) ListPunctuation(string language) => language switch
    {
        Languages.Chinese => ("、", "。"),
        Languages.Arabic => ("، ", "."),
        _ => (", ", "."),
    };
}

/// <summary>Serialises an enum as kebab-case text ("non-participating", "awaiting-translation"), the form the API accepts.</summary>
public sealed class KebabEnum<T>()
    : System.Text.Json.Serialization.JsonStringEnumConverter<T>(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
