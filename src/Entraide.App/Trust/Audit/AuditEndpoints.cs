using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Trust.Audit;

internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("Trust");
        g.MapGet("/", ListAsync).RequireRoles(Roles.StateAdministrator, Roles.Secretariat).WithName("ListAuditEntries");
        g.MapPost("/verify", VerifyAsync).RequireRoles(Roles.Secretariat).WithName("VerifyAuditChain");
    }

    private static async Task<Ok<IReadOnlyList<AuditEntryView>>> ListAsync(long? before, int? take, AuditQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(before, take ?? 100, ct));

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.VerifyAsync(ct));
}
