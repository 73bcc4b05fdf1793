using System.Text.RegularExpressions;
using Entraide.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Architecture;

/// <summary>The README names pages, API routes and files: each must exist, so a newcomer following it is never sent astray.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ReadmePathsTests(AppFixture fixture)
{
    // Served by middleware rather than endpoints (health checks), or only when configured (/metrics).
    private static readonly HashSet<string> Middleware = ["/health", "/health/ready", "/metrics"];

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Entraide.slnx"))) return d.FullName;
        throw new InvalidOperationException("The repository root (Entraide.slnx) was not found.");
    }

    [Fact]
    public void EveryRouteTheReadmeNames_IsMapped()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var routes = fixture.App(Db.Sqlite).Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .ToList();
        // Files of the machine (the Chromium executable) are not routes.
        var named = Route().Matches(readme).Select(m => m.Groups[1].Value)
            .Where(p => !p.StartsWith("/usr/", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains("/api/v1/votes", named);
        var missing = named.Where(p => !Middleware.Contains(p) && !routes.Any(r => Matches(r, p))).ToList();
        Assert.True(missing.Count == 0, "The README names routes that do not exist: " + string.Join(", ", missing));
        Assert.DoesNotContain("/api/v1/deliberation", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFileTheReadmeNames_Exists()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var files = RepositoryFile().Matches(readme).Select(m => m.Groups[1].Value.TrimEnd('/')).Distinct().ToList();
        Assert.Contains("docs/operations.md", files);
        var missing = files.Where(f => !File.Exists(Path.Combine(root, f)) && !Directory.Exists(Path.Combine(root, f))).ToList();
        Assert.True(missing.Count == 0, "The README names files that do not exist: " + string.Join(", ", missing));
    }

    /// <summary>A README path matches a route when each of its segments matches (a route parameter matches any);
    /// a path ending in "…" names the routes under it.</summary>
    private static bool Matches(string route, string path)
    {
        var prefix = path.EndsWith('…');
        var want = path.TrimEnd('…').Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var have = route.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.EndsWith("?}", StringComparison.Ordinal)).ToArray();
        if (prefix ? have.Length < want.Length : have.Length != want.Length) return false;
        return want.Select((w, i) => have[i].Contains('{', StringComparison.Ordinal) || have[i] == w).All(x => x);
    }

    // `/states/FRA/profile`, `/api/v1/knowledge/…`: a backquoted path starting with a slash, query left out.
    [GeneratedRegex(@"`(/[A-Za-z0-9_./{}…-]*)(?:\?[^`]*)?`")]
    private static partial Regex Route();

    // `docs/operations.md`, `tools/model-changed.sh`, `.ci/run`, `src/Entraide.App`: backquoted paths inside the repository.
    [GeneratedRegex(@"`((?:docs|tools|src|tests|bench|\.ci)/[A-Za-z0-9_./-]*)`")]
    private static partial Regex RepositoryFile();
}
