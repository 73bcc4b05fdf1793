using Entraide.App.Cooperation.Attachments;
using Entraide.App.Cooperation.Clocks;
using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Cooperation;

namespace Entraide.App.Cooperation;

/// <summary>Requests between States, from drafting to result, shared by both sides.</summary>
internal sealed class CooperationModule : IModule
{
    public int Order => 200;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SubmissionGate>();
        services.AddScoped<SubmissionKeys>();
        services.AddScoped<RequestSubmission>();
        services.AddScoped<RequestNotices>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<IRequestParties, RequestParties>();
        services.AddScoped<InboxExport>();
        services.AddScoped<Dashboard.DashboardQueries>();
        services.AddScoped<AttachmentQueries>();
        services.AddScoped<RequestDocument>();
        services.AddScoped<ClockSweep>();
        services.AddScoped<Live.EmergencyAlerts>();
        services.AddSingleton<Live.LiveStreamSlots>();
        services.AddSingleton<Live.EmergencyChanges>();
        services.AddScoped<CaseWork.Officers>();
        services.AddScoped<CaseWork.CaseWorkQueries>();

        services.AddScoped<ISeeder, CooperationDemo>();
        services.AddSingleton<CooperationClocks>();
        services.AddHostedService(sp => sp.GetRequiredService<CooperationClocks>());
        services.AddSingleton(new ErrorTextSource(typeof(CooperationText)));
        services.AddSingleton(new Web.NavItem("/requests", "Requests", 20, true, RequestAccess.CooperationRoles));
        services.AddSingleton(new Web.HomePart("/Cooperation/Pages/_Dashboard.cshtml", 10, RequestAccess.CooperationRoles));
        services.AddSingleton(new Web.LayoutPart("/Cooperation/Pages/_LiveAlerts.cshtml", 10, RequestAccess.CooperationRoles));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        RequestEndpoints.Map(api);
        AttachmentEndpoints.Map(api);
        Live.LiveEndpoints.Map(api);
        CaseWork.CaseWorkEndpoints.Map(api);
    }
}
