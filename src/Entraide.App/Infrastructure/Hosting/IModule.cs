namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// A module of Entraide (Network, Cooperation, Knowledge, …) plugs its services and endpoints into
/// the host through this interface; the host discovers every implementation in the assembly, so a
/// module adds itself without editing a central list.
/// </summary>
public interface IModule
{
    /// <summary>Lower runs first; Trust and Network come before the modules that read them.</summary>
    int Order => 100;

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's API under <paramref name="api"/> (<c>/api/v1</c>).</summary>
    void MapEndpoints(IEndpointRouteBuilder api);
}

internal static class Modules
{
    // Discovered once: the host asks twice (services, then endpoints), and the CLI and tests again.
    private static readonly Lazy<IReadOnlyList<IModule>> All = new(Find);

    public static IReadOnlyList<IModule> Discover() => All.Value;

    private static IReadOnlyList<IModule> Find() =>
        [.. typeof(IModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(t))
            .Select(t => (IModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order).ThenBy(m => m.GetType().Name, StringComparer.Ordinal)];
}
