namespace Entraide.Domain.Common;

/// <summary>
/// Language-aware ordering of names (ICU through .NET globalisation): in French <c>Égypte</c>
/// sorts with E, in Spanish <c>Ñ</c> after N, in Chinese by pinyin.
/// </summary>
public static class Collation
{
    private static readonly Dictionary<string, StringComparer> Comparers =
        Languages.All.ToDictionary(l => l, l => StringComparer.Create(Languages.Culture(l), ignoreCase: false));

    public static StringComparer For(string language) =>
        Comparers.TryGetValue(language, out var c) ? c : Comparers[Languages.Default];
}
