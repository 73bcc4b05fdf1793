namespace Entraide.Bench.Infrastructure;

/// <summary>A benchmark or load scenario, run as <c>Entraide.Bench NAME [options]</c>. Discovered by reflection.</summary>
public interface IBenchCommand
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}

/// <summary>Reads <c>--name value</c> options.</summary>
public static class BenchArgs
{
    public static string Get(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static int Int(string[] args, string name, int fallback) => int.Parse(
        Get(args, name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        System.Globalization.CultureInfo.InvariantCulture);

    public static bool Flag(string[] args, string name) => args.Contains("--" + name);
}
