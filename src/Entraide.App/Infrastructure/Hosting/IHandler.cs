namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// Marks a use case's handler (<c>SubmitRequestHandler</c>, <c>CastBallotHandler</c> …): the host
/// registers every implementation in the assembly as a scoped service, so a module adds a use case by
/// writing its file, without a registration to keep in step.
/// </summary>
public interface IHandler;

internal static class Handlers
{
    public static IServiceCollection AddHandlers(this IServiceCollection services)
    {
        foreach (var t in typeof(IHandler).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IHandler).IsAssignableFrom(t)))
        {
            services.AddScoped(t);
        }
        return services;
    }
}
