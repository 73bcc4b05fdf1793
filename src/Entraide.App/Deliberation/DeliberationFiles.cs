namespace Entraide.App.Deliberation;

/// <summary>File names of the module's downloads, from a document symbol (A/C.3/74/L.11 → a-c_3-74-l_11).</summary>
internal static class DeliberationFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Name(string symbol) => symbol.Replace('/', '-').Replace('.', '_').ToLowerInvariant();
}
