using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Notifications.Delivery;
using Entraide.App.Notifications.Inbox;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Notifications.Webhooks;
using Entraide.Domain.Trust;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications;

/// <summary>In-app notifications, e-mail and signed webhooks, through an outbox committed with the change it announces.</summary>
internal sealed class NotificationsModule : IModule
{
    public int Order => 20;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddOptions<NotificationSettings>().Bind(configuration.GetSection("Notifications")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationSettings>, WebhookAllowListValidation>();
        services.PostConfigure<NotificationSettings>(s => s.PublicUrl ??= configuration["Entraide:PublicUrl"]);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<RecipientCache>();
        // The webhooks notifications go to are cached per process: other instances hear of changes.
        services.AddSingleton(new Infrastructure.ScaleOut.SharedChanges(typeof(Entraide.Domain.Notifications.WebhookSubscription)));
        services.AddSingleton<NotificationRenderer>();
        services.AddSingleton<WebhookTargets>();
        services.AddScoped<INotifications, NotificationOutbox>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<WebhookQueries>();
        services.AddScoped<EmailSender>();
        services.AddScoped<WebhookSender>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService<NotificationDispatcher>();
        services.AddSingleton<Live.LiveFeed>();
        services.AddSingleton<ILiveNotifications>(sp => sp.GetRequiredService<Live.LiveFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<Live.LiveFeed>());
        services.AddWebhookHttpClients();
        OutboundCalls.AddOutboundCalls(services);
        services.AddSingleton(new ErrorTextSource(typeof(NotificationsText)));
        services.AddSingleton(new Web.NavItem("/notifications", "Notifications", 5, true));
        services.AddSingleton(new Web.NavItem("/account/webhooks", "Webhooks", 890, true, Roles.StateAdministrator));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        InboxEndpoints.Map(api);
        WebhookEndpoints.Map(api);
    }
}
