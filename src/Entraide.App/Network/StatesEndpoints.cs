using System.Collections.Concurrent;
using System.Text.Json;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Network;

namespace Entraide.App.Network;

public sealed record StateView(
    string Code, string Iso2, string M49, string Status, string Name, string ShortName, string FormalName,
    string Region, string SubRegion, bool LeastDeveloped, bool Landlocked, bool SmallIsland);

/// <summary>
/// The public list of States, each named in the asked language as on the asked date, in that
/// language's collation order. The list is reference data, served from memory: it is built once per
/// language and stretch of time between two name changes (<see cref="StateDirectory.NamePeriod"/>),
/// so the dates callers ask for cannot grow what is kept.
/// </summary>
public sealed class StateCatalogue(StateDirectory directory)
{
    private readonly ConcurrentDictionary<(string, int), byte[]> _json = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public StateDirectory Directory => directory;

    public IReadOnlyList<StateView> List(string language, DateOnly? on = null) =>
        [.. directory.Sorted(language, on).Select(s => View(s, language, on))];

    public StateView View(StateInfo s, string language, DateOnly? on = null) => new(
        s.Iso3, s.Iso2, s.M49, s.Status == UnStatus.Member ? "member" : "observer",
        directory.ListName(s.Iso3, language, on), directory.ShortName(s.Iso3, language, on), directory.FormalName(s.Iso3, language, on),
        s.Region, s.SubRegion, s.LeastDeveloped, s.Landlocked, s.SmallIsland);

    public byte[] ListJson(string language, DateOnly? on) =>
        _json.GetOrAdd((language, directory.NamePeriod(on)), k => JsonSerializer.SerializeToUtf8Bytes(List(k.Item1, on), Json));

    /// <summary>How many lists are held in memory.</summary>
    internal int CachedLists => _json.Count;

    /// <summary>Resolves a code from a route or query: upper-cased, and refused when no State bears it.</summary>
    public StateInfo Resolve(string? code)
    {
        if (!directory.TryGet(code, out var s)) throw DomainException.Invalid("unknown-state", "state");
        return s;
    }
}

internal static class StatesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var states = api.MapGroup("/states").WithTags("Network");
        states.MapGet("/", (HttpContext http, StateCatalogue catalogue, string? lang, DateOnly? on) =>
            {
                var language = RequestLanguage.Of(lang);
                return Results.Bytes(catalogue.ListJson(language, on), "application/json; charset=utf-8");
            })
            .AllowPublic().WithName("ListStates")
            .Produces<IReadOnlyList<StateView>>()
            .WithSummary("Every UN Member and observer State, named in the language asked (ar, zh, en, fr, ru, es) as on the date asked, in that language's order.");

        states.MapGet("/{state}", (string state, StateCatalogue catalogue, string? lang, DateOnly? on) =>
            {
                var s = catalogue.Resolve(state);
                var language = RequestLanguage.Of(lang);
                return TypedResults.Ok(new
                {
                    state = catalogue.View(s, language, on),
                    names = Languages.All.ToDictionary(l => l, l => new
                    {
                        shortName = catalogue.Directory.ShortName(s.Iso3, l, on),
                        formalName = catalogue.Directory.FormalName(s.Iso3, l, on),
                        history = catalogue.Directory.NameHistory(s.Iso3, l).Select(h => new { name = h.Name, until = h.Until }),
                    }),
                });
            })
            .AllowPublic().WithName("GetState")
            .WithSummary("One State's names in the six languages, with their history.");
    }
}
