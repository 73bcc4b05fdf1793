using Entraide.App.Infrastructure.Hosting;

namespace Entraide.App.Infrastructure.Documents;

/// <summary>PDF printing of formal documents, shared by every module.</summary>
internal sealed class DocumentsModule : IModule
{
    public int Order => 5;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var settings = new PdfSettings();
        configuration.GetSection("Entraide:Pdf").Bind(settings);
        if (configuration["Entraide:ChromiumPath"] is { Length: > 0 } path) settings.ChromiumPath = path;
        services.AddSingleton(settings);
        services.AddSingleton<PlaywrightPdfPrinter>();
        services.AddSingleton<IPdfPrinter>(sp => sp.GetRequiredService<PlaywrightPdfPrinter>());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
