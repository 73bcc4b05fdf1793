using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Authorities;
using Entraide.App.Network.Profiles;
using Entraide.App.Network.Register;
using Entraide.App.Network.States;
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
        services.AddScoped<ProfileQueries>();
        services.AddScoped<ProfileChanges>();
        services.AddScoped<FlagQueries>();
        services.AddScoped<AuthorityQueries>();
        services.AddScoped<RegisterQueries>();
        services.AddSingleton<RegisterSnapshot>();
        // The register is cached per process: other instances hear of changes to its tables.
        services.AddSingleton(new Infrastructure.ScaleOut.SharedChanges(RegisterSnapshot.Tables));
        services.AddScoped<VerificationQueries>();
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
        ProfileEndpoints.Map(api);
        AuthorityEndpoints.Map(api);
        RegisterEndpoints.Map(api);
        VerificationEndpoints.Map(api);
    }
}
