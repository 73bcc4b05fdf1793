namespace Entraide.Domain.Network;

/// <summary>How the Network aggregates keep short lists in one column: comma-separated codes, or one phone number a line.</summary>
public static class StoredLists
{
    public static IReadOnlyList<string> Split(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> SplitLines(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> items) =>
        string.Join(',', items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal));
}
