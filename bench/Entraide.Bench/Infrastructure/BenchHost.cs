using Entraide.App.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entraide.Bench.Infrastructure;

/// <summary>Starts Entraide in-process on a loopback port, on SQLite (temporary) or on a given PostgreSQL database.</summary>
public static class BenchHost
{
    public static async Task<(WebApplication App, string Url, string DataDir)> StartAsync(
        string? postgres, bool demo = true, Action<WebApplicationBuilder>? configure = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "entraide-bench-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dataDir);
        // Staging: as production, without the key-encryption certificate production requires (a warning only).
        var app = EntraideHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Staging"], b =>
        {
            b.Configuration["Entraide:DataDirectory"] = dataDir;
            b.Configuration["ConnectionStrings:Entraide"] = postgres ?? $"Data Source={Path.Combine(dataDir, "entraide.db")}";
            b.Configuration["Database:Provider"] = postgres is null ? "sqlite" : "postgres";
            b.Configuration["Entraide:Demo"] = demo ? "true" : "false";
            b.Configuration["Entraide:PasswordHashIterations"] = "1000";
            b.Configuration["Audit:MacKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, url, dataDir);
    }
}
