namespace Entraide.Domain.Evidence;

/// <summary>Hashes as Entraide writes them: lowercase hexadecimal of a fixed length.</summary>
public static class Hashes
{
    /// <summary>The hash in lowercase hex, or null when <paramref name="value"/> is not <paramref name="hexLength"/> hex digits.</summary>
    public static string? Normalise(string? value, int hexLength)
    {
        var v = value?.Trim();
        if (v is null || v.Length != hexLength) return null;
        foreach (var c in v)
        {
            if (!char.IsAsciiHexDigit(c)) return null;
        }
        return v.ToLowerInvariant();
    }
}
