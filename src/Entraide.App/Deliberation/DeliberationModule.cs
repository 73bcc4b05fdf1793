using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Entraide.App.Deliberation;

/// <summary>Consultations and their compilations, draft resolutions and their sponsors, recorded votes and their reports.</summary>
internal sealed class DeliberationModule : IModule
{
    public int Order => 60;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConsultationHandlers>();
        services.AddScoped<DraftHandlers>();
        services.AddScoped<VoteHandlers>();
        services.AddSingleton(new ErrorTextSource(typeof(DeliberationText)));
        // The platform's printer replaces this when it is registered; until then PDF answers "unavailable".
        services.AddSingleton(new Web.NavItem("/deliberation", "Deliberation", 60));
        services.AddSingleton(new Web.NavItem("/resolutions", "Resolutions", 61));
        services.AddSingleton(new Web.NavItem("/votes", "Votes", 62));
        services.AddSingleton(new Web.NavItem("/consultations", "Consultations", 63, true, Roles.Delegate, Roles.Secretariat));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        DeliberationEndpoints.Map(api);
    }
}
