using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Knowledge;
using Entraide.App.Network;
using Entraide.App.Notifications;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Entraide.App.Cooperation;

/// <summary>Requests between States, from drafting to result, shared by both sides.</summary>
internal sealed class CooperationModule : IModule
{
    public int Order => 200;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SubmissionGate>();
        services.AddScoped<RequestCommands>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<ClockSweep>();
        services.AddSingleton<CooperationClocks>();
        services.AddHostedService(sp => sp.GetRequiredService<CooperationClocks>());
        services.AddScoped<RequestDocument>();
        services.AddSingleton(new ErrorTextSource(typeof(CooperationText)));
        services.AddSingleton(new Web.NavItem("/requests", "Requests", 20, true, Roles.Investigator, Roles.CentralAuthority, Roles.PointOfContact));
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => RequestEndpoints.Map(api);
}
