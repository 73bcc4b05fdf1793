using System.Globalization;
using Entraide.App.Evidence.Storage;
using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Cooperation;
using Microsoft.AspNetCore.Http.Features;

namespace Entraide.App.Evidence.Uploads;

/// <summary>
/// The tus 1.0 server at <c>/api/v1/evidence/uploads</c>: OPTIONS (what it offers), POST (creation), HEAD (the committed
/// offset), PATCH (bytes, with an optional checksum) and DELETE (termination). Written by hand (see
/// docs/decisions/evidence-tus-server.md). Authentication as everywhere in the API; a session cookie's writes must come
/// from Entraide's own pages (CrossSiteWrites).
/// </summary>
internal static class UploadEndpoints
{
    private static readonly string[] Cooperation = RequestAccess.CooperationRoles;

    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/evidence/uploads").WithTags("Evidence").AddEndpointFilter<TusProtocol.VersionFilter>().DisableAntiforgery();
        g.MapMethods("", [HttpMethods.Options], Options).RequireRoles(Cooperation).WithName("TusOptions")
            .WithSummary("The tus versions, extensions, maximum size and checksum algorithms this server offers.");
        g.MapPost("", CreateAsync).RequireRoles(Cooperation).WithName("CreateEvidenceUpload")
            .WithSummary("tus creation: Upload-Length, and Upload-Metadata with requestId and filename (plus the item's description and source).");
        g.MapMethods("/{uploadId:guid}", [HttpMethods.Head], HeadAsync).RequireRoles(Cooperation).WithName("EvidenceUploadOffset")
            .WithSummary("tus: the offset committed so far.");
        g.MapPatch("/{uploadId:guid}", PatchAsync).RequireRoles(Cooperation).WithName("AppendEvidenceUpload")
            .WithSummary("tus: bytes at Upload-Offset (application/offset+octet-stream), with an optional Upload-Checksum "
                + "(460 when it does not match).");
        g.MapDelete("/{uploadId:guid}", TerminateAsync).RequireRoles(Cooperation).WithName("TerminateEvidenceUpload")
            .WithSummary("tus termination: the sender abandons an unfinished upload; its content is deleted.");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.NoContent Options(HttpContext http, EvidenceStorageSettings settings)
    {
        var h = http.Response.Headers;
        h["Tus-Version"] = TusProtocol.Version;
        h["Tus-Extension"] = TusProtocol.Extensions;
        h["Tus-Max-Size"] = settings.MaxSize.ToString(CultureInfo.InvariantCulture);
        h["Tus-Checksum-Algorithm"] = TusProtocol.ChecksumAlgorithms;
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateUploadHandler handler, CancellationToken ct) => await TusAsync(http,
        async () =>
        {
            var r = http.Request;
            var command = new CreateUpload(TusProtocol.ParseLength(r.Headers[TusProtocol.UploadLength], TusProtocol.UploadLength),
                r.Headers.ContainsKey(TusProtocol.UploadDeferLength), TusProtocol.ParseMetadata(r.Headers[TusProtocol.UploadMetadata]),
                Address(http));
            var item = await handler.HandleAsync(command, ct);
            if (item.ExpiresAt is { } expires) http.Response.Headers[TusProtocol.UploadExpires] = TusProtocol.HttpDate(expires);
            http.Response.Headers[TusProtocol.UploadOffset] = item.Received.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Created($"{TusProtocol.Path}/{item.Id}");
        });

    private static async Task<IResult> HeadAsync(Guid uploadId, HttpContext http, UploadStatus status, CancellationToken ct) => await TusAsync(http,
        async () =>
        {
            var s = await status.GetAsync(uploadId, ct);
            var h = http.Response.Headers;
            h[TusProtocol.UploadOffset] = s.Offset.ToString(CultureInfo.InvariantCulture);
            h[TusProtocol.UploadLength] = s.Length.ToString(CultureInfo.InvariantCulture);
            h.CacheControl = "no-store";
            if (s.ExpiresAt is { } expires) h[TusProtocol.UploadExpires] = TusProtocol.HttpDate(expires);
            return TypedResults.Ok();
        });

    private static async Task<IResult> PatchAsync(Guid uploadId, HttpContext http, AppendUploadHandler handler, CancellationToken ct) =>
        await TusAsync(http, async () =>
        {
            // An upload is as large as its declared length, which creation checked against Tus-Max-Size; a PATCH carries any part of it.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
            var r = http.Request;
            var result = await handler.HandleAsync(new AppendUpload(uploadId, r.ContentType, r.Headers[TusProtocol.UploadOffset],
                r.ContentLength, r.Headers[TusProtocol.UploadChecksum], r.Body, Address(http)), ct);
            http.Response.Headers[TusProtocol.UploadOffset] = result.Offset.ToString(CultureInfo.InvariantCulture);
            if (result.Item.ExpiresAt is { } expires) http.Response.Headers[TusProtocol.UploadExpires] = TusProtocol.HttpDate(expires);
            return TypedResults.NoContent();
        });

    private static async Task<IResult> TerminateAsync(Guid uploadId, HttpContext http, TerminateUploadHandler handler, CancellationToken ct) =>
        await TusAsync(http, async () =>
        {
            await handler.HandleAsync(new TerminateUpload(uploadId, Address(http)), ct);
            return TypedResults.NoContent();
        });

    // The protocol's own statuses (400, 410, 412, 413, 415, 460) as localised problems; the domain's (404, 403, 409, 422) go to the host.
    private static async Task<IResult> TusAsync(HttpContext http, Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (TusException e)
        {
            var errors = e.Header is null ? null : new[] { new Domain.Common.DomainError(e.Code, e.Header) };
            return ProblemResponses.Result(http, e.Status, e.Code, errors);
        }
    }

    private static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
