using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Security;

try
{
    var app = EntraideHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (Refusal(e) is { } refused)
{
    await Console.Error.WriteLineAsync("Entraide did not start: " + refused.Message);
    return 2;
}

static StartupRefusedException? Refusal(Exception e) => e switch
{
    StartupRefusedException r => r,
    AggregateException a => a.InnerExceptions.Select(Refusal).FirstOrDefault(r => r is not null),
    _ => e.InnerException is { } inner ? Refusal(inner) : null,
};

/// <summary>The entry point, named so tests can host the application.</summary>
public partial class Program;
