using Entraide.App.Infrastructure.Hosting;

namespace Entraide.App.Network;

/// <summary>States, their profiles, authorities and points of contact, and the register.</summary>
internal sealed class NetworkModule : IModule
{
    public int Order => 10;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StateCatalogue>();
        services.AddSingleton(new Web.NavItem("/states", "States", 10));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        StatesEndpoints.Map(api);
    }
}
