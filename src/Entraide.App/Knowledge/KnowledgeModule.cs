using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
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
        services.AddScoped<LegislationCommands>();
        services.AddScoped<LegislationQueries>();
        services.AddScoped<CaseNoteCommands>();
        services.AddScoped<CriminalisationService>();
        services.AddScoped<IDualCriminality>(sp => sp.GetRequiredService<CriminalisationService>());
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddScoped<KnowledgeIndexer>();
        services.AddScoped<ISeeder, KnowledgeSeeder>();
        services.AddSingleton(new ErrorTextSource(typeof(KnowledgeText)));
        services.AddSingleton(new Web.NavItem("/knowledge", "Knowledge", 40));
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => KnowledgeEndpoints.Map(api);
}
