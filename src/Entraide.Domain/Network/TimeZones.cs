namespace Entraide.Domain.Network;

public static class TimeZones
{
    // The system lookup reads and parses tzdata; the register asks for hundreds of zones per page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo?> Known = new(StringComparer.Ordinal);

    /// <summary>The zone for an IANA identifier, or null when the system does not know it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return null;
        if (Known.TryGetValue(id, out var cached)) return cached;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) && tz.HasIanaId ? tz : null;
        // Unknown names are not remembered, so that input cannot grow the cache without bound.
        if (zone is not null) Known.TryAdd(id, zone);
        return zone;
    }
}
