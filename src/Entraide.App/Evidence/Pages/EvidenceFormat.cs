using System.Globalization;

namespace Entraide.App.Evidence.Pages;

/// <summary>How pages write an item's size: in the reader's culture, in binary units above a kibibyte, exact bytes below.</summary>
public static class EvidenceFormat
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    public static string Size(long bytes, string bytesWord)
    {
        if (bytes < 1024) return bytes.ToString("N0", CultureInfo.CurrentCulture) + " " + bytesWord;
        double v = bytes;
        var unit = -1;
        while (v >= 1024 && unit < Units.Length - 1)
        {
            v /= 1024;
            unit++;
        }
        return v.ToString("N1", CultureInfo.CurrentCulture) + " " + Units[unit];
    }
}
