using Entraide.App.Evidence.Encryption;
using Entraide.App.Evidence.Items;
using Entraide.App.Evidence.Storage;
using Entraide.App.Evidence.Uploads;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;

namespace Entraide.App.Evidence;

/// <summary>Electronic evidence sent in requests: resumable uploads, integrity, encryption at rest, custody.</summary>
internal sealed class EvidenceModule : IModule
{
    public int Order => 210;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EvidenceStorageSettings>();
        services.AddSingleton<EvidenceKeys>();
        services.AddSingleton<IEvidenceStore, FileEvidenceStore>();
        services.AddSingleton<UploadStaging>();
        services.AddSingleton<UploadSessions>();
        services.AddScoped<EvidenceLoader>();
        services.AddScoped<UploadCompletion>();
        services.AddScoped<UploadStatus>();
        services.AddScoped<UploadSweep>();
        services.AddScoped<EvidenceQueries>();
        services.AddScoped<EvidenceContent>();
        services.AddHostedService<UploadSweeper>();
        services.AddTransient<IStartupFilter, TusProtocol.ResumableHeader>();
        services.AddSingleton(new ErrorTextSource(typeof(EvidenceText)));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        UploadEndpoints.Map(api);
        EvidenceEndpoints.Map(api);
    }
}
