using System.Reflection;
using System.Text.RegularExpressions;
using Entraide.Domain.Common;

namespace Entraide.Domain.Network;

/// <summary>
/// The one place where State names come from. It knows every Member and observer State, their UNTERM
/// short and formal names in the six languages, and the names they bore before a change, so that a
/// document dated D shows each State under the name it had on D.
/// </summary>
public sealed partial class StateDirectory
{
    private readonly Dictionary<string, StateInfo> _states;
    // Current names first, then earlier periods ordered by ValidUntil ascending.
    private readonly Dictionary<string, StateNames> _current;
    private readonly Dictionary<string, List<StateNames>> _history;

    private StateDirectory(
        Dictionary<string, StateInfo> states,
        Dictionary<string, StateNames> current,
        Dictionary<string, List<StateNames>> history)
    {
        _states = states;
        _current = current;
        _history = history;
        All = [.. states.Values.OrderBy(s => s.Iso3, StringComparer.Ordinal)];
        NameChanges = [.. history.Values.SelectMany(l => l).Select(n => n.ValidUntil!.Value).Distinct().Order()];
    }

    /// <summary>The directory built from the reference data shipped with Entraide.</summary>
    public static StateDirectory Default { get; } = LoadEmbedded();

    public IReadOnlyList<StateInfo> All { get; }

    public int Count => _states.Count;

    /// <summary>The dates on which some State's name changed, in order: the names of every State stay the same between two of them.</summary>
    public IReadOnlyList<DateOnly> NameChanges { get; }

    /// <summary>
    /// Which stretch between two name changes <paramref name="on"/> falls in: 0 before the first change,
    /// <see cref="NameChanges"/>.Count after the last one and for no date (today's names). Every date of
    /// one stretch names every State alike, so what is worked out per date can be kept per stretch.
    /// </summary>
    public int NamePeriod(DateOnly? on)
    {
        if (on is not { } date) return NameChanges.Count;
        var period = 0;
        while (period < NameChanges.Count && NameChanges[period] <= date) period++;
        return period;
    }

    public bool Exists(string? iso3) => iso3 is not null && _states.ContainsKey(iso3);

    public StateInfo Get(string iso3) =>
        _states.TryGetValue(iso3, out var s) ? s : throw DomainException.Invalid("unknown-state", "state");

    public bool TryGet(string? iso3, out StateInfo state)
    {
        if (iso3 is not null && _states.TryGetValue(iso3.ToUpperInvariant(), out var s))
        {
            state = s;
            return true;
        }
        state = null!;
        return false;
    }

    /// <summary>The UNTERM short name, with its bracketed article (e.g. <c>Algérie (l')</c>).</summary>
    public string ShortName(string iso3, string language, DateOnly? on = null) =>
        Pick(NamesOn(iso3, on).Short, language);

    public string FormalName(string iso3, string language, DateOnly? on = null) =>
        Pick(NamesOn(iso3, on).Formal, language);

    /// <summary>The name as lists print it: the short name without its bracketed article.</summary>
    public string ListName(string iso3, string language, DateOnly? on = null) =>
        StripArticle(ShortName(iso3, language, on));

    /// <summary>States ordered by their list name in the collation of <paramref name="language"/>.</summary>
    public IReadOnlyList<StateInfo> Sorted(string language, DateOnly? on = null) =>
        Sort(All, language, on);

    public IReadOnlyList<StateInfo> Sort(IEnumerable<StateInfo> states, string language, DateOnly? on = null)
    {
        var comparer = Collation.For(language);
        return [.. states.OrderBy(s => ListName(s.Iso3, language, on), comparer)];
    }

    public IReadOnlyList<string> SortCodes(IEnumerable<string> iso3Codes, string language, DateOnly? on = null)
    {
        var comparer = Collation.For(language);
        return [.. iso3Codes.OrderBy(c => ListName(c, language, on), comparer)];
    }

    /// <summary>Every name the State has had in this language, newest first.</summary>
    public IReadOnlyList<(string Name, DateOnly? Until)> NameHistory(string iso3, string language)
    {
        var list = new List<(string, DateOnly?)> { (Pick(NamesOfCurrent(iso3).Short, language), null) };
        if (_history.TryGetValue(iso3, out var earlier))
        {
            list.AddRange(earlier.OrderByDescending(e => e.ValidUntil).Select(e => (Pick(e.Short, language), e.ValidUntil)));
        }
        return list;
    }

    private StateNames NamesOfCurrent(string iso3) =>
        _current.TryGetValue(iso3, out var n) ? n : throw DomainException.Invalid("unknown-state", "state");

    private StateNames NamesOn(string iso3, DateOnly? on)
    {
        var current = NamesOfCurrent(iso3);
        if (on is null || !_history.TryGetValue(iso3, out var earlier)) return current;
        // The earliest period that had not yet ended on that date.
        foreach (var period in earlier)
        {
            if (on.Value < period.ValidUntil!.Value) return period;
        }
        return current;
    }

    private static string Pick(IReadOnlyDictionary<string, string> names, string language) =>
        names.TryGetValue(language, out var n) && n.Length > 0 ? n : names[Languages.English];

    public static string StripArticle(string shortName)
    {
        var m = ArticleSuffix().Match(shortName);
        return m.Success ? shortName[..m.Index].TrimEnd() : shortName;
    }

    [GeneratedRegex(@"\s*\((the|le|la|l'|les|el|los|las)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleSuffix();

    public static StateDirectory Load(TextReader states, TextReader? nameChanges)
    {
        var infos = new Dictionary<string, StateInfo>(StringComparer.Ordinal);
        var current = new Dictionary<string, StateNames>(StringComparer.Ordinal);
        var rows = Csv.Read(states);
        foreach (var r in rows)
        {
            var iso3 = r["iso3"];
            infos[iso3] = new StateInfo(
                iso3, r["iso2"], r["m49"],
                r["status"] == "observer" ? UnStatus.Observer : UnStatus.Member,
                r["region"], r["sub_region"], r["ldc"] == "1", r["lldc"] == "1", r["sids"] == "1");
            current[iso3] = new StateNames(
                Languages.All.ToDictionary(l => l, l => r["short_" + l]),
                Languages.All.ToDictionary(l => l, l => r["formal_" + l]),
                null);
        }

        var history = new Dictionary<string, List<StateNames>>(StringComparer.Ordinal);
        if (nameChanges is not null)
        {
            foreach (var r in Csv.Read(nameChanges))
            {
                var iso3 = r["iso3"];
                if (!current.TryGetValue(iso3, out var now)) continue;
                var until = DateOnly.ParseExact(r["valid_until"], "yyyy-MM-dd");
                var earlierShort = Languages.All.ToDictionary(l => l, l => r.TryGetValue("short_" + l, out var v) && v.Length > 0 ? v : now.Short[l]);
                var earlierFormal = Languages.All.ToDictionary(l => l, l => r.TryGetValue("formal_" + l,
                    out var v) && v.Length > 0 ? v : now.Formal[l]);
                if (!history.TryGetValue(iso3, out var list)) history[iso3] = list = [];
                list.Add(new StateNames(earlierShort, earlierFormal, until));
            }
            foreach (var list in history.Values) list.Sort((a, b) => a.ValidUntil!.Value.CompareTo(b.ValidUntil!.Value));
        }
        return new StateDirectory(infos, current, history);
    }

    private static StateDirectory LoadEmbedded()
    {
        var asm = typeof(StateDirectory).Assembly;
        using var states = Open(asm, "un-states.csv");
        using var changes = Open(asm, "state-name-changes.csv");
        return Load(states, changes);
    }

    private static StreamReader Open(Assembly asm, string name) =>
        new(asm.GetManifestResourceStream("Entraide.Domain.Network.Data." + name)
            ?? throw new InvalidOperationException($"Reference data {name} is missing from the build."));
}
