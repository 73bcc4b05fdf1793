using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.Register;
using Entraide.App.Network.Verification;
using Entraide.Domain.Trust;

namespace Entraide.App.Network;

/// <summary>States, their profiles, authorities and points of contact, and the register.</summary>
internal sealed class NetworkModule : IModule
{
    public int Order => 10;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StateCatalogue>();
        services.AddScoped<ProfileCommands>();
        services.AddScoped<FlagCommands>();
        services.AddScoped<RegisterQuery>();
        services.AddSingleton<RegisterSnapshot>();
        services.AddScoped<VerificationCommands>();
        services.AddScoped<IStateProfiles, StateProfiles>();
        services.AddSingleton<CooperationProfileCache>();
        services.AddScoped<ISeeder, DemoNetwork>();
        services.AddSingleton(new ErrorTextSource(typeof(NetworkText)));
        services.AddSingleton(new Web.NavItem("/states", "States", 10));
        services.AddSingleton(new Web.NavItem("/register", "Register", 11));
        services.AddSingleton(new Web.NavItem("/network", "Network", 12, SignedInOnly: true,
            Roles.StateAdministrator, Roles.PointOfContact, Roles.CentralAuthority, Roles.Secretariat));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        StatesEndpoints.Map(api);
        NetworkEndpoints.Map(api);
    }
}
