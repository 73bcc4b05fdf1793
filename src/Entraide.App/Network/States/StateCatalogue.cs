using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Entraide.Domain.Common;
using Entraide.Domain.Network;

namespace Entraide.App.Network.States;

public sealed record StateView(
    string Code, string Iso2, string M49, string Status, string Name, string ShortName, string FormalName,
    string Region, string SubRegion, bool LeastDeveloped, bool Landlocked, bool SmallIsland);

public sealed record StateNamesView(string ShortName, string FormalName, IReadOnlyList<NameHistoryView> History);

public sealed record NameHistoryView(string Name, DateOnly? Until);

public sealed record StateDetailView(StateView State, IReadOnlyDictionary<string, StateNamesView> Names);

/// <summary>
/// The public list of States, each named in the asked language as on the asked date, in that
/// language's collation order. The list is reference data, served from memory: it is built once per
/// language and stretch of time between two name changes (<see cref="StateDirectory.NamePeriod"/>),
/// so the dates callers ask for cannot grow what is kept.
/// </summary>
public sealed class StateCatalogue(StateDirectory directory)
{
    private readonly ConcurrentDictionary<(string, int), byte[]> _json = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

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

    /// <summary>One State's names in the six languages on a date, with their history; an unknown code is refused.</summary>
    public StateDetailView Detail(string? code, string language, DateOnly? on)
    {
        var s = Resolve(code);
        return new StateDetailView(View(s, language, on), Languages.All.ToDictionary(l => l, l => new StateNamesView(
            directory.ShortName(s.Iso3, l, on), directory.FormalName(s.Iso3, l, on),
            [.. directory.NameHistory(s.Iso3, l).Select(h => new NameHistoryView(h.Name, h.Until))])));
    }

    /// <summary>Resolves a code from a route or query: upper-cased, and refused when no State bears it.</summary>
    public StateInfo Resolve(string? code)
    {
        if (!directory.TryGet(code, out var s)) throw DomainException.Invalid("unknown-state", "state");
        return s;
    }
}
