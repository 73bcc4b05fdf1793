using System.Net;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Network;

/// <summary>Payloads and set-up shared by the Network tests.</summary>
internal static class NetworkSamples
{
    public static object Point(string name = "National 24/7 cyber desk", string zone = "Europe/Oslo", bool phonesPublic = false) => new
    {
        kind = "point-of-contact",
        name,
        address = "Nydalen allé 37, Oslo",
        phones = new[] { "+47 23 20 80 00" },
        email = "desk247@police.example",
        languages = new[] { "no", "en" },
        officeHours = "",
        timeZone = zone,
        preferredChannel = "phone",
        aroundTheClock = true,
        addressPublic = false,
        emailPublic = false,
        phonesPublic,
    };

    public static object Central(string name = "Ministry of Justice — Central Authority") => new
    {
        kind = "central-authority",
        name,
        address = "Gullhaug torg 4a, Oslo",
        phones = new[] { "+47 22 24 90 90" },
        email = "central.authority@justice.example",
        languages = new[] { "en", "fr" },
        officeHours = "mon-fri 08:00-16:00",
        timeZone = "Europe/Oslo",
        preferredChannel = "platform",
        aroundTheClock = false,
        addressPublic = true,
        emailPublic = true,
        phonesPublic = true,
    };

    public static object Profile(string status = "signatory", string? signedOn = "2025-10-25", string? ratifiedOn = null,
        int? expectedVersion = null, string[]? languages = null) => new
        {
            status,
            signedOn,
            ratifiedOn,
            requiresDualCriminalityForPreservation = false,
            requiresDualCriminality = true,
            politicalOffenceTerms = Array.Empty<string>(),
            acceptedLanguages = languages ?? ["en", "fr"],
            acceptsUrgentRequestsOrally = true,
            acceptsUrgentRequestsByEmail = true,
            criminalisedOptionalCategories = new[] { "online-gambling" },
            emergencyAcknowledgementHours = 6,
            notes = "Requests in French are handled fastest.",
            expectedVersion,
        };

    public static async Task<JsonElement> CreateAuthorityAsync(TestApp app, string state, object body)
    {
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        return await admin.PostJsonAsync($"/api/v1/states/{state}/authorities", body).ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>Starts a round and returns it with its checks.</summary>
    public static async Task<JsonElement> StartRoundAsync(TestApp app, double hours = 24)
    {
        var secretariat = app.ClientFor(null, Roles.Secretariat);
        return await secretariat.PostJsonAsync("/api/v1/verification/rounds", new { responseHours = hours, message = "Annual verification" })
            .ExpectAsync(HttpStatusCode.Created);
    }

    public static string CheckOf(JsonElement round, string state) =>
        round.GetProperty("checks").EnumerateArray().First(c => c.GetProperty("state").GetString() == state).GetProperty("id").GetString()!;
}

internal sealed class AuthorityIdSample : IRouteSample
{
    public string Parameter => "authorityId";
    public async Task<string> CreateOwnedByAsync(TestApp app, string state) =>
        (await NetworkSamples.CreateAuthorityAsync(app, state, NetworkSamples.Central("Sample authority"))).GetProperty("id").GetString()!;
    public string? Missing => Guid.NewGuid().ToString();
}

internal sealed class VersionNumberSample : IRouteSample
{
    public string Parameter => "versionNumber";
    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        await NetworkSamples.CreateAuthorityAsync(app, state, NetworkSamples.Central("Sample authority for a version"));
        var versions = await app.ClientFor(state,
            Roles.StateAdministrator).GetAsync($"/api/v1/states/{state}/profile/versions").ExpectAsync(HttpStatusCode.OK);
        return versions[0].GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
    public string? Missing => "987654";
}

internal sealed class FlagIdSample : IRouteSample
{
    public string Parameter => "flagId";
    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var flag = await app.ClientFor(null, Roles.Secretariat).PostJsonAsync($"/api/v1/states/{state}/flags", new { note = "Sample flag" })
            .ExpectAsync(HttpStatusCode.Created);
        return flag.GetProperty("id").GetString()!;
    }
    public string? Missing => Guid.NewGuid().ToString();
}

internal sealed class RoundIdSample : IRouteSample
{
    public string Parameter => "roundId";
    public async Task<string> CreateOwnedByAsync(TestApp app, string state) =>
        (await NetworkSamples.StartRoundAsync(app)).GetProperty("round").GetProperty("id").GetString()!;
    public string? Missing => Guid.NewGuid().ToString();
}

internal sealed class CheckIdSample : IRouteSample
{
    public string Parameter => "checkId";
    public async Task<string> CreateOwnedByAsync(TestApp app, string state) =>
        NetworkSamples.CheckOf(await NetworkSamples.StartRoundAsync(app), state);
    public string? Missing => Guid.NewGuid().ToString();
}
