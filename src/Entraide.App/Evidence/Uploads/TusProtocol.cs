using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Entraide.App.Infrastructure.Http;

namespace Entraide.App.Evidence.Uploads;

/// <summary>The tus 1.0 protocol's words, as Entraide's server speaks them (core, creation, checksum, termination, expiration).</summary>
public static class TusProtocol
{
    public const string Path = "/api/v1/evidence/uploads";
    public const string Version = "1.0.0";
    public const string Extensions = "creation,checksum,termination,expiration";
    public const string ChecksumAlgorithms = "sha1,sha256,sha512";
    public const string OffsetContentType = "application/offset+octet-stream";
    public const int ChecksumMismatch = 460;

    public const string Resumable = "Tus-Resumable";
    public const string UploadOffset = "Upload-Offset";
    public const string UploadLength = "Upload-Length";
    public const string UploadMetadata = "Upload-Metadata";
    public const string UploadExpires = "Upload-Expires";
    public const string UploadChecksum = "Upload-Checksum";
    public const string UploadDeferLength = "Upload-Defer-Length";

    /// <summary>
    /// <c>Upload-Metadata</c>: comma-separated <c>key base64value</c> pairs (a key alone has an empty value). Keys are
    /// unique ASCII without spaces or commas; values are UTF-8. A malformed header is the client's error (400).
    /// </summary>
    public static Dictionary<string, string> ParseMetadata(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header)) return result;
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || parts[0].Any(c => c > 127 || char.IsControl(c)))
                throw new TusException(StatusCodes.Status400BadRequest, "evidence-metadata");
            string value;
            try
            {
                value = parts.Length == 1 ? "" : strict.GetString(Convert.FromBase64String(parts[1]));
            }
            catch (Exception e) when (e is FormatException or DecoderFallbackException)
            {
                throw new TusException(StatusCodes.Status400BadRequest, "evidence-metadata");
            }
            if (!result.TryAdd(parts[0], value)) throw new TusException(StatusCodes.Status400BadRequest, "evidence-metadata");
        }
        return result;
    }

    /// <summary>A non-negative integer header (<c>Upload-Offset</c>, <c>Upload-Length</c>), or null when it is absent.</summary>
    public static long? ParseLength(string? value, string header)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > 19 || !value.All(char.IsAsciiDigit)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new TusException(StatusCodes.Status400BadRequest, "evidence-header", header);
        return n;
    }

    /// <summary><c>Upload-Checksum: algorithm base64digest</c>; an algorithm the server does not offer is a 400.</summary>
    public static UploadChecksum? ParseChecksum(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) throw new TusException(StatusCodes.Status400BadRequest, "evidence-header", UploadChecksum);
        var (algorithm, size) = parts[0].ToLowerInvariant() switch
        {
            "sha1" => (HashAlgorithmName.SHA1, 20),
            "sha256" => (HashAlgorithmName.SHA256, 32),
            "sha512" => (HashAlgorithmName.SHA512, 64),
            _ => throw new TusException(StatusCodes.Status400BadRequest, "evidence-checksum-algorithm"),
        };
        byte[] expected;
        try
        {
            expected = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw new TusException(StatusCodes.Status400BadRequest, "evidence-header", UploadChecksum);
        }
        if (expected.Length != size) throw new TusException(StatusCodes.Status400BadRequest, "evidence-header", UploadChecksum);
        return new UploadChecksum(algorithm, expected);
    }

    /// <summary>An instant as <c>Upload-Expires</c> writes it (RFC 9110 HTTP-date).</summary>
    public static string HttpDate(DateTimeOffset at) => at.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every answer under the upload path carries <c>Tus-Resumable</c>, refusals by the authentication or the host
    /// included: installed first in the pipeline (an <see cref="IStartupFilter"/>), so that no answer escapes it.
    /// </summary>
    internal sealed class ResumableHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                if (http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
                {
                    http.Response.OnStarting(static state =>
                    {
                        var response = ((HttpContext)state).Response;
                        response.Headers[Resumable] = Version;
                        return Task.CompletedTask;
                    }, http);
                }
                return inner(http);
            });
            next(app);
        };
    }

    /// <summary>A request in another version of the protocol (or none) is refused with 412 and the versions offered; OPTIONS is exempt.</summary>
    internal sealed class VersionFilter : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (HttpMethods.IsOptions(http.Request.Method) || http.Request.Headers[Resumable] == Version) return next(context);
            http.Response.Headers["Tus-Version"] = Version;
            return ValueTask.FromResult<object?>(ProblemResponses.Result(http, StatusCodes.Status412PreconditionFailed, "evidence-tus-version"));
        }
    }
}

/// <summary>A tus request refused with a status of the protocol's own (400, 410, 412, 413, 415, 460), localised by its code.</summary>
public sealed class TusException(int status, string code, string? header = null) : Exception(code)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string? Header { get; } = header;
}
