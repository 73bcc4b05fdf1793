using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Deliberation;

/// <summary>A consultation to which only the owning State is invited.</summary>
internal sealed class ConsultationIdSample : IRouteSample
{
    public string Parameter => "consultationId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var c = await DeliberationCalls.OpenConsultationAsync(app.ClientFor(null, Roles.Secretariat), DateTimeOffset.UtcNow.AddDays(30), state);
        return c.GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}

/// <summary>A State's submission, in a consultation to which only it is invited.</summary>
internal sealed class SubmissionIdSample : IRouteSample
{
    public string Parameter => "submissionId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var c = await DeliberationCalls.OpenConsultationAsync(app.ClientFor(null, Roles.Secretariat), DateTimeOffset.UtcNow.AddDays(30), state);
        var s = await app.ClientFor(state, Roles.Delegate).PostJsonAsync($"/api/v1/consultations/{c.GetProperty("id").GetString()}/submissions",
            new { language = "fr", text = "Commentaires." }).ExpectAsync(HttpStatusCode.Created);
        return s.GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}

internal sealed class AttachmentIdSample : IRouteSample
{
    public string Parameter => "attachmentId";
    public string? RoutePrefix => "api/v1/consultations";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var c = await DeliberationCalls.OpenConsultationAsync(app.ClientFor(null, Roles.Secretariat), DateTimeOffset.UtcNow.AddDays(30), state);
        var s = await app.ClientFor(state, Roles.Delegate).PostJsonAsync($"/api/v1/consultations/{c.GetProperty("id").GetString()}/submissions",
            new
            {
                language = "fr",
                text = "Commentaires.",
                attachments = new[]
                {
                    new { fileName = "annexe.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("annexe"u8.ToArray()) },
                },
            })
            .ExpectAsync(HttpStatusCode.Created);
        return s.GetProperty("attachments")[0].GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}

/// <summary>A language code names nothing owned.</summary>
internal sealed class LanguageSample : IRouteSample
{
    public string Parameter => "language";
    public Task<string> CreateOwnedByAsync(TestApp app, string state) => Task.FromResult("fr");
    public string? Missing => null;
}

/// <summary>A draft that the owning State is still preparing.</summary>
internal sealed class DraftIdSample : IRouteSample
{
    public string Parameter => "draftId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var d = await DeliberationCalls.CreateDraftAsync(app.ClientFor(state, Roles.Delegate));
        return d.GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}

/// <summary>An open vote: the secretariat's working record.</summary>
internal sealed class VoteIdSample : IRouteSample
{
    public string Parameter => "voteId";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var v = await app.ClientFor(null, Roles.Secretariat).PostJsonAsync("/api/v1/votes", new { draftSymbol = DeliberationCalls.NewSymbol() })
            .ExpectAsync(HttpStatusCode.Created);
        return v.GetProperty("id").GetString()!;
    }

    public string? Missing => Guid.NewGuid().ToString();
}
