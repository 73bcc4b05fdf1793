using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Entraide.App.Tests.Infrastructure;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts the status and returns the body as JSON.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 problem with the status and, when given, the error code of one of its errors.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? errorCode = null)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("https://entraide.int/problems/", body.GetProperty("type").GetString());
        if (errorCode is not null)
        {
            var codes = body.TryGetProperty("errors", out var errors)
                ? errors.EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList()
                : [];
            var type = body.GetProperty("type").GetString()!;
            Assert.True(codes.Contains(errorCode) || type.EndsWith("/" + errorCode, StringComparison.Ordinal),
                $"Expected error '{errorCode}' in {body}");
        }
        return body;
    }

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).ExpectAsync(status);

    public static async Task<JsonElement> ExpectProblemAsync(
        this Task<HttpResponseMessage> response, HttpStatusCode status, string? errorCode = null) =>
        await (await response).ExpectProblemAsync(status, errorCode);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json);
}
