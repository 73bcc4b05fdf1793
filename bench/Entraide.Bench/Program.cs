using System.Reflection;
using Entraide.Bench.Infrastructure;

// `dotnet run -c Release --project bench/Entraide.Bench -- <command> [options]`; no command lists them.
var commands = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchCommand).IsAssignableFrom(t))
    .Select(t => (IBenchCommand)Activator.CreateInstance(t)!)
    .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("Entraide benchmarks and load drivers. Commands:");
    foreach (var c in commands.Values.OrderBy(c => c.Name)) Console.WriteLine($"  {c.Name,-24} {c.Description}");
    return args.Length == 0 ? 0 : 2;
}
return await command.RunAsync(args[1..]);
