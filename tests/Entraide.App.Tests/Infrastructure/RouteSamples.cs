namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Supplies values for one route parameter name (e.g. <c>requestId</c>) to the route-table isolation
/// test: <see cref="CreateOwnedByAsync"/> makes a record owned by a State and returns the value that
/// names it in a URL. Every module adds one per parameter its endpoints take; the test fails on a
/// parameter that has none. Implementations are discovered by reflection.
/// </summary>
public interface IRouteSample
{
    string Parameter { get; }

    /// <summary>A record owned by <paramref name="state"/> and not shared with any other State.</summary>
    Task<string> CreateOwnedByAsync(TestApp app, string state);

    /// <summary>
    /// A value that names no record, to check that a foreign record answers exactly as a missing one; null when the
    /// parameter names something public (a State code).
    /// </summary>
    string? Missing { get; }

    /// <summary>Where two modules use the same parameter name: the route prefix (e.g. <c>api/v1/requests</c>) this sample serves.</summary>
    string? RoutePrefix => null;
}

internal sealed class StateCodeSample : IRouteSample
{
    public string Parameter => "state";
    public Task<string> CreateOwnedByAsync(TestApp app, string state) => Task.FromResult(state);
    public string? Missing => null;
}

internal sealed class TokenIdSample : IRouteSample
{
    public string Parameter => "tokenId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var client = app.ClientFor(state, Domain.Trust.Roles.StateAdministrator);
        var response = await client.PostJsonAsync("/api/v1/tokens", new { name = "sample", roles = new[] { "central-authority" } });
        var body = await response.ExpectAsync(System.Net.HttpStatusCode.Created);
        return body.GetProperty("token").GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}

/// <summary>The <see cref="IRouteSample"/>s of the test assembly, found by reflection, by parameter name and route prefix.</summary>
public static class RouteSamples
{
    private static readonly Lazy<ILookup<string, IRouteSample>> All = new(() =>
        typeof(RouteSamples).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRouteSample).IsAssignableFrom(t))
            .Select(t => (IRouteSample)Activator.CreateInstance(t, nonPublic: true)!)
            .ToLookup(s => s.Parameter, StringComparer.OrdinalIgnoreCase));

    /// <summary>The sample for <paramref name="parameter"/> in a route starting <paramref name="route"/>, or null.</summary>
    public static IRouteSample? For(string route, string parameter)
    {
        var candidates = All.Value[parameter].ToList();
        return candidates.FirstOrDefault(s => s.RoutePrefix is { } p && route.TrimStart('/').StartsWith(p, StringComparison.Ordinal))
            ?? candidates.FirstOrDefault(s => s.RoutePrefix is null);
    }
}
