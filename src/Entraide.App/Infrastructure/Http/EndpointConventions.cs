using Entraide.Domain.Trust;

namespace Entraide.App.Infrastructure.Http;

/// <summary>Marks an API endpoint that anyone may call, on purpose: the public parts of Entraide.</summary>
public sealed class PublicEndpointAttribute : Attribute;

public static class EndpointConventions
{
    /// <summary>Open to the public (no sign-in), and declared so; the route-table test checks every other endpoint is authorised.</summary>
    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new PublicEndpointAttribute());

    /// <summary>Signed-in accounts or tokens holding at least one of <paramref name="roles"/>; any signed-in actor when none are named.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        roles.Length == 0
            ? builder.RequireAuthorization()
            : builder.RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(roles));

    /// <summary>Any signed-in actor of a State or of the secretariat.</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization();

    public static readonly string[] StateRoles =
        [Roles.StateAdministrator, Roles.CentralAuthority, Roles.PointOfContact, Roles.Investigator, Roles.Delegate, Roles.Donor];
}
