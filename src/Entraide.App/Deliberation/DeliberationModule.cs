using Entraide.App.Deliberation.Consultations;
using Entraide.App.Deliberation.Drafts;
using Entraide.App.Deliberation.Votes;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Trust;

namespace Entraide.App.Deliberation;

/// <summary>Consultations and their compilations, draft resolutions and their sponsors, recorded votes and their reports.</summary>
internal sealed class DeliberationModule : IModule
{
    public int Order => 60;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<ConsultationNotices>();
        services.AddScoped<DraftQueries>();
        services.AddScoped<VoteQueries>();
        services.AddScoped<ISeeder, DeliberationDemo>();
        services.AddScoped<IAdoptedResolutions, AdoptedResolutions>();
        services.AddSingleton(new ErrorTextSource(typeof(DeliberationText)));
        services.AddSingleton(new Web.NavItem("/deliberation", "Deliberation", 60));
        services.AddSingleton(new Web.NavItem("/resolutions", "Resolutions", 61));
        services.AddSingleton(new Web.NavItem("/votes", "Votes", 62));
        services.AddSingleton(new Web.NavItem("/consultations", "Consultations", 63, true, Roles.Delegate, Roles.Secretariat));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ConsultationEndpoints.Map(api);
        DraftEndpoints.Map(api);
        VoteEndpoints.Map(api);
    }
}
