using System.Net;
using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Deliberation;

/// <summary>A State replaces its comments, files included, while the consultation is open.</summary>
[Collection(AppCollection.Name)]
public sealed class SubmitCommentsTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Replace_WithNewAttachments_KeepsOnlyTheNewFiles(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var c = await DeliberationCalls.OpenConsultationAsync(app.Secretariat(), app.Clock.GetUtcNow().AddDays(10), "FRA");
        var id = c.GetProperty("id").GetString();
        var fra = app.Delegate("FRA");
        var first = await fra.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new
        {
            language = "fr",
            text = "Première version.",
            attachments = new[] { File("premiere.txt", "premiere") },
        }).ExpectAsync(HttpStatusCode.Created);
        var oldFile = first.GetProperty("attachments")[0].GetProperty("id").GetString();

        var second = await fra.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new
        {
            language = "en",
            text = "Second version.",
            attachments = new[] { File("second.txt", "second"), File("annex.txt", "annex") },
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(["annex.txt", "second.txt"],
            second.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        Assert.Equal("Second version.", second.GetProperty("versions").EnumerateArray()
            .Single(v => v.GetProperty("language").GetString() == "en").GetProperty("text").GetString());
        Assert.Equal("awaiting-translation", second.GetProperty("versions").EnumerateArray()
            .Single(v => v.GetProperty("language").GetString() == "fr").GetProperty("status").GetString());
        foreach (var client in new[] { fra, app.Secretariat() })
            await client.GetAsync($"/api/v1/consultations/{id}/attachments/{oldFile}").ExpectProblemAsync(HttpStatusCode.NotFound);

        var third = await fra.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "en", text = "Third version, no files." })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(0, third.GetProperty("attachments").GetArrayLength());
        Assert.Equal(2, third.GetProperty("version").GetInt32());
    }

    private static object File(string name, string content) =>
        new { fileName = name, contentType = "text/plain", contentBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(content)) };
}
