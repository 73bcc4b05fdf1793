using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Deliberation;

[Collection(AppCollection.Name)]
public sealed class ConsultationApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_BeforeDeadline_IsAccepted_AfterDeadline_IsRefused_UnlessSecretariatAcceptsIt(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var secretariat = app.Secretariat();
        var c = await DeliberationCalls.OpenConsultationAsync(secretariat, app.Clock.GetUtcNow().AddDays(10), "FRA", "BRA");
        var id = c.GetProperty("id").GetString();
        var fra = app.Delegate("FRA", "fr");

        var s = await fra.PostJsonAsync(
            $"/api/v1/consultations/{id}/submissions", new { language = "fr", text = "La France se félicite de l’invitation." })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("original",
            s.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("language").GetString() == "fr").GetProperty("status").GetString());
        Assert.Equal("awaiting-translation",
            s.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("language").GetString() == "en")
            .GetProperty("status").GetString());

        app.Clock.Advance(TimeSpan.FromDays(11));
        var late = await fra.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "fr", text = "Texte remplacé." })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "submission-late");
        Assert.Contains("délai", late.GetProperty("title").GetString());
        var kept = await fra.GetAsync($"/api/v1/consultations/{id}/submissions/{s.GetProperty("id").GetString()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("La France se félicite de l’invitation.",
            kept.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("language").GetString() == "fr")
            .GetProperty("text").GetString());

        await secretariat.PostJsonAsync(
            $"/api/v1/consultations/{id}/late-acceptances", new { state = "BRA", until = app.Clock.GetUtcNow().AddDays(2) })
            .ExpectAsync(HttpStatusCode.OK);
        var bra = await app.Delegate("BRA").PostJsonAsync(
            $"/api/v1/consultations/{id}/submissions", new { language = "es", text = "El Brasil acoge con satisfacción." })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.True(bra.GetProperty("late").GetBoolean());
        // Accepting BRA's late comments does not reopen the consultation for FRA.
        await fra.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "fr", text = "Encore." })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "submission-late");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Extend_KeepsHistory_RefusesAnEarlierDate_AndReopensSubmissions(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var secretariat = app.Secretariat();
        var deadline = app.Clock.GetUtcNow().AddDays(5);
        var c = await DeliberationCalls.OpenConsultationAsync(secretariat, deadline, "JPN");
        var id = c.GetProperty("id").GetString();

        await secretariat.PostJsonAsync($"/api/v1/consultations/{id}/extensions", new { deadline = deadline.AddDays(-1), reason = "x", version = 0 })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "deadline-not-later");
        var extended = await secretariat.PostJsonAsync(
            $"/api/v1/consultations/{id}/extensions",
            new { deadline = deadline.AddDays(7), reason = "Requested by several delegations", version = 0 })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, extended.GetProperty("deadlineChanges").GetArrayLength());
        Assert.Equal(deadline.ToUnixTimeSeconds(), extended.GetProperty("originalDeadline").GetDateTimeOffset().ToUnixTimeSeconds());
        // A stale version loses the race.
        await secretariat.PostJsonAsync($"/api/v1/consultations/{id}/extensions", new { deadline = deadline.AddDays(9), version = 0 })
            .ExpectProblemAsync(HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromDays(6));
        await app.Delegate("JPN").PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "en", text = "Japan's comments." })
            .ExpectAsync(HttpStatusCode.Created);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Consultation_IsInvisibleToUninvitedStates_AndSubmissionsToOtherStates(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var c = await DeliberationCalls.OpenConsultationAsync(app.Secretariat(), app.Clock.GetUtcNow().AddDays(10), "FRA", "BRA");
        var id = c.GetProperty("id").GetString();
        await app.Delegate("USA").GetAsync($"/api/v1/consultations/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await app.Delegate("USA").PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "en", text = "x" })
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        var list = await app.Delegate("USA").GetAsync("/api/v1/consultations").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), x => x.GetProperty("id").GetString() == id);

        var s = await app.Delegate("FRA").PostJsonAsync($"/api/v1/consultations/{id}/submissions", new
        {
            language = "fr",
            text = "Commentaires.",
            attachments = new[]
            {
                new { fileName = "annexe.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("annexe"u8.ToArray()) },
            },
        }).ExpectAsync(HttpStatusCode.Created);
        var sid = s.GetProperty("id").GetString();
        var aid = s.GetProperty("attachments")[0].GetProperty("id").GetString();
        var bra = app.Delegate("BRA");
        await bra.GetAsync($"/api/v1/consultations/{id}/submissions/{sid}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await bra.GetAsync($"/api/v1/consultations/{id}/attachments/{aid}").ExpectProblemAsync(HttpStatusCode.NotFound);
        var braView = await bra.GetAsync($"/api/v1/consultations/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, braView.GetProperty("submissions").GetArrayLength());
        var file = await app.Delegate("FRA").GetAsync($"/api/v1/consultations/{id}/attachments/{aid}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("annexe", await file.Content.ReadAsStringAsync());
        await bra.GetAsync($"/api/v1/consultations/{id}/compilation").ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_Again_BeforeDeadline_ReplacesTheTextAndResetsItsTranslations(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var c = await DeliberationCalls.OpenConsultationAsync(app.Secretariat(), app.Clock.GetUtcNow().AddDays(10), "NGA");
        var id = c.GetProperty("id").GetString();
        var nga = app.Delegate("NGA");
        var first = await nga.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "en", text = "First text." })
            .ExpectAsync(HttpStatusCode.Created);
        var sid = first.GetProperty("id").GetString();
        await app.Secretariat().PutAsync($"/api/v1/consultations/{id}/submissions/{sid}/translations/fr",
            JsonContent(new { text = "Premier texte." }))
            .ExpectAsync(HttpStatusCode.OK);
        var second = await nga.PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "en", text = "Second text." })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(sid, second.GetProperty("id").GetString());
        Assert.Equal(1, second.GetProperty("version").GetInt32());
        var versions = second.GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("language").GetString()!);
        Assert.Equal("Second text.", versions["en"].GetProperty("text").GetString());
        Assert.Equal("awaiting-translation", versions["fr"].GetProperty("status").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_BadInput_AnswersEveryErrorAndStoresNothing(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var c = await DeliberationCalls.OpenConsultationAsync(app.Secretariat(), app.Clock.GetUtcNow().AddDays(10), "MEX");
        var id = c.GetProperty("id").GetString();
        var p = await app.Delegate("MEX").PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "de", text = " " })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var codes = p.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("required", codes);
        Assert.Contains("unsupported-language", codes);
        var view = await app.Delegate("MEX").GetAsync($"/api/v1/consultations/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, view.GetProperty("submissions").GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Compile_OrdersByCollation_ShowsTranslationStatus_AndExportsDocx(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var secretariat = app.Secretariat();
        var c = await DeliberationCalls.OpenConsultationAsync(secretariat, app.Clock.GetUtcNow().AddDays(10), "USA", "EGY", "AUS");
        var id = c.GetProperty("id").GetString();
        await app.Delegate("USA").PostJsonAsync($"/api/v1/consultations/{id}/submissions",
            new { language = "en", text = "The United States welcomes.\n\nSecond paragraph." })
            .ExpectAsync(HttpStatusCode.Created);
        await app.Delegate("EGY").PostJsonAsync($"/api/v1/consultations/{id}/submissions", new { language = "ar", text = "ترحب مصر." })
            .ExpectAsync(HttpStatusCode.Created);
        var au = await app.Delegate("AUS").PostJsonAsync(
            $"/api/v1/consultations/{id}/submissions", new { language = "en", text = "Australia welcomes." })
            .ExpectAsync(HttpStatusCode.Created);

        var tr = await secretariat.PutAsync($"/api/v1/consultations/{id}/submissions/{au.GetProperty("id").GetString()}/translations/fr",
            JsonContent(new { text = "L’Australie se félicite.", translatedBy = "Section de traduction française" }));
        var translated = await tr.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("translated",
            translated.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("language").GetString() == "fr")
            .GetProperty("status").GetString());
        await secretariat.PutAsync(
            $"/api/v1/consultations/{id}/submissions/{au.GetProperty("id").GetString()}/translations/en", JsonContent(new { text = "x" }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "original-not-translatable");

        var fr = await secretariat.GetAsync($"/api/v1/consultations/{id}/compilation?lang=fr").ExpectAsync(HttpStatusCode.OK);
        var sections = fr.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["AUS", "EGY", "USA"], sections.Select(s => s.GetProperty("state").GetString()));
        Assert.Equal("Australie", sections[0].GetProperty("heading").GetString());
        Assert.Equal("[Original\u00a0: anglais]", sections[0].GetProperty("originalLine").GetString());
        Assert.Equal("translated", sections[0].GetProperty("status").GetString());
        Assert.Equal("awaiting-translation", sections[1].GetProperty("status").GetString());
        Assert.Equal(["EGY", "USA"], fr.GetProperty("statesAwaitingTranslation").EnumerateArray().Select(x => x.GetString()));

        var en = await secretariat.GetAsync($"/api/v1/consultations/{id}/compilation?lang=en").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["AUS", "EGY", "USA"], en.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(2, en.GetProperty("sections")[2].GetProperty("paragraphs").GetArrayLength());

        var docx = await secretariat.GetAsync($"/api/v1/consultations/{id}/compilation?lang=fr&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("[Original\u00a0: anglais]", text);
            Assert.Contains("L’Australie se félicite.", text);
            Assert.True(text.IndexOf("Australie", StringComparison.Ordinal) < text.IndexOf("Égypte", StringComparison.Ordinal));
        }
        var pdf = await secretariat.GetAsync($"/api/v1/consultations/{id}/compilation?lang=fr&format=pdf");
        Assert.True(pdf.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"PDF answered {(int)pdf.StatusCode}");
        if (pdf.StatusCode == HttpStatusCode.ServiceUnavailable) await pdf.ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, "pdf-unavailable");
    }

    private static StringContent JsonContent(object o) => new(JsonSerializer.Serialize(o), System.Text.Encoding.UTF8, "application/json");
}
