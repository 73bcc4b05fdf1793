using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Cooperation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Evidence.Items;

/// <summary>A request's evidence: the list, one item with its chain of custody, its content (verified), a re-verification.</summary>
internal static class EvidenceEndpoints
{
    private static readonly string[] Cooperation = RequestAccess.CooperationRoles;

    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/evidence").WithTags("Evidence");
        g.MapGet("", ListAsync).RequireRoles(Cooperation).WithName("ListEvidence")
            .WithSummary("The evidence of a request (?requestId=), each item with its SHA-256 in lowercase hex.");
        g.MapGet("/{itemId:guid}", GetAsync).RequireRoles(Cooperation).WithName("GetEvidence")
            .WithSummary("One item of evidence with its chain of custody.");
        g.MapGet("/{itemId:guid}/content", DownloadAsync).RequireRoles(Cooperation).WithName("DownloadEvidence")
            .WithSummary("The content, decrypted as it streams; every chunk and the final SHA-256 are verified, and the download recorded.");
        g.MapPost("/{itemId:guid}/verify", VerifyAsync).RequireRoles(Cooperation).WithName("VerifyEvidence")
            .WithSummary("Decrypts and hashes the stored content again and records the result in the chain of custody.");
    }

    private static async Task<Ok<EvidenceListView>> ListAsync(string? requestId, EvidenceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(requestId, ct));

    private static async Task<Ok<EvidenceDetailView>> GetAsync(Guid itemId, EvidenceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(itemId, ct));

    private static async Task<EmptyHttpResult> DownloadAsync(Guid itemId, HttpContext http, EvidenceContent content, CancellationToken ct)
    {
        var item = await content.OpenAsync(itemId, ct);
        await content.WriteAsync(http, item, ct);
        return TypedResults.Empty;
    }

    private static async Task<Ok<VerificationView>> VerifyAsync(Guid itemId, HttpContext http, EvidenceContent content, CancellationToken ct) =>
        TypedResults.Ok(await content.VerifyAsync(itemId, http.Connection.RemoteIpAddress?.ToString(), ct));
}
