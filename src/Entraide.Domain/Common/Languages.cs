using System.Globalization;

namespace Entraide.Domain.Common;

/// <summary>The six official languages of the United Nations, in the order the UN lists them.</summary>
public static class Languages
{
    public const string Arabic = "ar";
    public const string Chinese = "zh";
    public const string English = "en";
    public const string French = "fr";
    public const string Russian = "ru";
    public const string Spanish = "es";

    /// <summary>ar, zh, en, fr, ru, es: the order of UN documents' language lists.</summary>
    public static readonly IReadOnlyList<string> All = [Arabic, Chinese, English, French, Russian, Spanish];

    public const string Default = English;

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    /// <summary>Maps a culture name such as <c>fr-CH</c> or <c>zh-Hans</c> to one of the six, if any.</summary>
    public static string? Normalise(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture)) return null;
        var two = culture.Trim().Split('-', '_')[0].ToLowerInvariant();
        return IsSupported(two) ? two : null;
    }

    public static bool IsRightToLeft(string code) => code == Arabic;

    /// <summary>The culture used for collation and formatting in each language.</summary>
    public static CultureInfo Culture(string code) => code switch
    {
        Chinese => CultureInfo.GetCultureInfo("zh-CN"),
        Arabic => CultureInfo.GetCultureInfo("ar"),
        _ => CultureInfo.GetCultureInfo(code),
    };

    /// <summary>Each language's name in that language, for the language picker.</summary>
    public static string Autonym(string code) => code switch
    {
        Arabic => "العربية",
        Chinese => "中文",
        English => "English",
        French => "Français",
        Russian => "Русский",
        Spanish => "Español",
        _ => code,
    };
}
