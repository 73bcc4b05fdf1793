namespace Entraide.Cli;

internal static class CliProgram
{
    public static Task<int> Main(string[] args) => EntraideCli.RunAsync(args, Console.Out, Console.Error);
}
