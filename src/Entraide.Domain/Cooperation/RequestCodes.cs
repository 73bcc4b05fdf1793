using System.Collections.Frozen;
using System.Text.Json;

namespace Entraide.Domain.Cooperation;

/// <summary>
/// The codes the API, the pages and the timeline use for a request's enums: each value's name in kebab
/// case (<c>UnderAssessment</c> → <c>under-assessment</c>, <c>PointOfContact</c> → <c>point-of-contact</c>).
/// A request type's code is the catalogue's (<c>mla</c>, <c>preservation</c> …), not its enum name.
/// </summary>
public static class RequestCodes
{
    public static string Of(RequestType type) => RequestCatalogue.Of(type).Code;

    public static string Of<T>(T value) where T : struct, Enum => Table<T>.ByValue[value];

    /// <summary>Parses a code, ignoring case and surrounding spaces.</summary>
    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum =>
        Table<T>.ByCode.TryGetValue(code?.Trim() ?? "", out value);

    // Computed once per enum: the codes are read for every row of an inbox page.
    private static class Table<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByCode =
            ByValue.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);
    }
}
