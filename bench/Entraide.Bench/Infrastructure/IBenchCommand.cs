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

    /// <summary>
    /// Null when every argument is one of <paramref name="options"/> (each followed by its value) or of
    /// <paramref name="flags"/>; otherwise the usage to print instead of running: for <c>--help</c>, <c>-h</c>,
    /// an unknown argument, or an option without its value. <paramref name="usage"/> lists the options, one a line.
    /// </summary>
    public static string? Misused(string[] args, string command, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags,
        string usage)
    {
        string? problem = null;
        for (var i = 0; i < args.Length && problem is null; i++)
        {
            var a = args[i];
            if (IsHelp(a)) return Usage(command, usage);
            if (!a.StartsWith("--", StringComparison.Ordinal)) problem = $"unexpected argument '{a}'";
            else if (flags.Contains(a[2..])) continue;
            else if (!options.Contains(a[2..])) problem = $"unknown option '{a}'";
            else if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) problem = $"{a} needs a value";
            else i++;
        }
        return problem is null ? null : Usage(command, usage, problem);
    }

    /// <summary>Whether the arguments ask for the usage.</summary>
    public static bool AsksHelp(string[] args) => args.Any(IsHelp);

    /// <summary>The usage of <paramref name="command"/>, after what was wrong with the arguments if anything.</summary>
    public static string Usage(string command, string usage, string? problem = null) =>
        (problem is null ? "" : problem + Environment.NewLine) + $"usage: Entraide.Bench {command} [options]" + Environment.NewLine + usage;

    private static bool IsHelp(string a) => a is "--help" or "-h" or "-?";
}
