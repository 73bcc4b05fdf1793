using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.App.Knowledge.Search;

namespace Entraide.App.Knowledge;

/// <summary>
/// National legislation, case law and lessons learned mapped to one taxonomy of conduct;
/// criminalisation profiles, dual criminality, gap analysis and multilingual search.
/// </summary>
internal sealed class KnowledgeModule : IModule
{
    public int Order => 40;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LawStore>();
        services.AddScoped<LegislationQueries>();
        services.AddScoped<CaseNoteQueries>();
        services.AddScoped<CriminalisationService>();
        services.AddScoped<IDualCriminality>(sp => sp.GetRequiredService<CriminalisationService>());
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddScoped<KnowledgeIndexer>();
        services.AddScoped<ISeeder, KnowledgeSeeder>();
        services.AddSingleton(new ErrorTextSource(typeof(KnowledgeText)));
        services.AddSingleton(new Web.NavItem("/knowledge", "Knowledge", 40));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        CriminalisationEndpoints.Map(api);
        LegislationEndpoints.Map(api);
        CaseEndpoints.Map(api);
        SearchEndpoints.Map(api);
    }
}
