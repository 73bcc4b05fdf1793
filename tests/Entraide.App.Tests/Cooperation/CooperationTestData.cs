using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>Builds requests through the API, as a State's own system would.</summary>
internal static class CooperationTestData
{
    /// <summary>Notifications committed to the outbox about a record.</summary>
    public static Task<List<Entraide.App.Notifications.Outbox.NotificationMessage>> NotificationsAboutAsync(this TestApp app, Guid subject) =>
        app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            d.Set<Entraide.App.Notifications.Outbox.NotificationMessage>().Where(n => n.SubjectId == subject)));

    public static Dictionary<string, string?> CompleteFields(string typeCode)
    {
        RequestCatalogue.TryParse(typeCode, out var spec);
        return spec.Fields.Where(f => f.Required).ToDictionary(f => f.Name, f =>
            (string?)(f.Kind == FieldKind.Affirmation ? "true" : $"{f.Name} of a test request"));
    }

    public static object Body(string type, string to, Dictionary<string, string?>? fields = null, bool confidential = false, string language = "en",
        DateTimeOffset? deadline = null, string? deadlineReasons = null, string? channel = null) =>
        new { type, requestedState = to, language, confidential, channel, fields = fields ?? CompleteFields(type), deadline, deadlineReasons };

    public static async Task<JsonElement> SubmitAsync(this HttpClient client, object body, string? key = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions");
        message.Content = JsonContent.Create(body, options: HttpAssertions.Json);
        message.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await (await client.SendAsync(message)).ExpectAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SubmitDraftAsync(this HttpClient client, string id, string? key = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/submit");
        if (key is not null) message.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(message);
    }

    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, string id, string action, string? ground = null,
        string? reasons = null, bool acceptConfidentiality = false) =>
        client.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { action, ground, reasons, acceptConfidentiality });

    /// <summary>An MLA from <paramref name="from"/> to <paramref name="to"/>, submitted and acknowledged; returns its id.</summary>
    public static async Task<string> ReceivedMlaAsync(TestApp app, string from, string to)
    {
        var r = await app.ClientFor(from, Roles.CentralAuthority).SubmitAsync(Body("mla", to));
        var id = r.GetProperty("id").GetString()!;
        await app.ClientFor(to, Roles.CentralAuthority).StepAsync(id, "acknowledge").ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;
    public static string Status(this JsonElement e) => e.GetProperty("status").GetString()!;
}

/// <summary>A draft request owned by a State (not yet shared with any other).</summary>
internal sealed class RequestIdSample : IRouteSample
{
    public string Parameter => "requestId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var body = await app.ClientFor(state, Roles.CentralAuthority).PostJsonAsync("/api/v1/requests",
            CooperationTestData.Body("mla", state == "USA" ? "JPN" : "USA"))
            .ExpectAsync(HttpStatusCode.Created);
        return body.Id();
    }

    public string? Missing => Guid.NewGuid().ToString();
}

internal sealed class AttachmentIdSample : IRouteSample
{
    public string Parameter => "attachmentId";
    public string? RoutePrefix => "api/v1/requests";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var client = app.ClientFor(state, Roles.CentralAuthority);
        var id = (await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", state == "USA" ? "JPN" : "USA"))
            .ExpectAsync(HttpStatusCode.Created)).Id();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("court order"u8.ToArray()), "file", "order.txt" } };
        return (await (await client.PostAsync($"/api/v1/requests/{id}/attachments", form)).ExpectAsync(HttpStatusCode.Created)).Id();
    }

    public string? Missing => Guid.NewGuid().ToString();
}
