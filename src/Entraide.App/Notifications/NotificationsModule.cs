using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Trust;

namespace Entraide.App.Notifications;

/// <summary>In-app notifications, e-mail and signed webhooks, through an outbox committed with the change it announces.</summary>
internal sealed class NotificationsModule : IModule
{
    public int Order => 20;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.Configure<NotificationSettings>(configuration.GetSection("Notifications"));
        services.PostConfigure<NotificationSettings>(s => s.PublicUrl ??= configuration["Entraide:PublicUrl"]);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<RecipientCache>();
        services.AddSingleton<NotificationTexts>();
        services.AddScoped<INotifications, NotificationOutbox>();
        services.AddScoped<Inbox>();
        services.AddScoped<WebhookCommands>();
        services.AddScoped<EmailSender>();
        services.AddScoped<WebhookSender>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService<NotificationDispatcher>();
        // Webhook targets are other States' servers: never follow a redirect to somewhere they did not name.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // The delivery log records every call; a log line per call as well would only add load.
            .RemoveAllLoggers();
        services.AddSingleton(new ErrorTextSource(typeof(NotificationsText)));
        services.AddSingleton(new Web.NavItem("/notifications", "Notifications", 5, true));
        services.AddSingleton(new Web.NavItem("/account/webhooks", "Webhooks", 890, true, Roles.StateAdministrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => NotificationsEndpoints.Map(api);
}
