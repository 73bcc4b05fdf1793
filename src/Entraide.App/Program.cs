using Entraide.App.Infrastructure.Hosting;

var app = EntraideHost.Build(args);
await app.RunAsync();

/// <summary>The entry point, named so tests can host the application.</summary>
public partial class Program;
