using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation.Votes;

/// <summary>
/// The rows of a vote's CSV download: one per State that voted, in the list order of the language,
/// with the vote it later said it intended. Written through <see cref="Infrastructure.Csv.CsvFiles"/>, which
/// neutralises any cell a spreadsheet would run as a formula.
/// </summary>
internal static class VoteCsv
{
    public static readonly IReadOnlyList<string> Header = ["state", "name", "vote", "intended_vote"];

    public static IEnumerable<IReadOnlyList<string?>> Rows(Vote v, string language, StateDirectory states) =>
        Rows(v, language, states, code => states.ListName(code, language, v.Date));

    /// <summary>The rows, with the State names given by <paramref name="nameOf"/>.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(Vote v, string language, StateDirectory states, Func<string, string> nameOf)
    {
        var notes = v.Footnotes.ToDictionary(f => f.State, f => f.Intended);
        foreach (var code in states.SortCodes(v.Ballots.Select(b => b.State), language, v.Date))
        {
            var b = v.Ballots.First(x => x.State == code);
            yield return [code, nameOf(code), VoteChoices.Code(b.Choice), notes.TryGetValue(code, out var i) ? VoteChoices.Code(i) : ""];
        }
    }
}
