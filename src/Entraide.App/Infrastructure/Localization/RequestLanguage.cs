using Entraide.Domain.Common;

namespace Entraide.App.Infrastructure.Localization;

public static class RequestLanguage
{
    /// <summary>The language asked for (<c>?lang=</c>), else the request's; an unknown code is refused, not ignored.</summary>
    public static string Of(string? lang)
    {
        if (lang is null) return CultureCookie.Current;
        return Languages.Normalise(lang) is { } l && l.Length == lang.Trim().Length
            ? l
            : throw DomainException.Invalid("unsupported-language", "lang");
    }
}
