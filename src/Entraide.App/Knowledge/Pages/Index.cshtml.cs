using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class IndexModel(LegislationQueries queries, StateDirectory states) : KnowledgePage(states)
{
    public IReadOnlyList<LawSummary> Laws { get; private set; } = [];
    public IReadOnlyList<StateOption> StatesWithLaws { get; private set; } = [];
    public string? State { get; private set; }
    public string? Type { get; private set; }
    public bool Repealed { get; private set; }

    public async Task OnGetAsync(string? state, string? type, bool? repealed, CancellationToken ct)
    {
        State = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();
        Type = string.IsNullOrWhiteSpace(type) ? null : type;
        Repealed = repealed ?? false;
        var all = await queries.ListAsync(null, null, includeRepealed: true, ct);
        var codes = all.Select(l => l.State).ToHashSet();
        StatesWithLaws = [.. AllStates.Where(s => codes.Contains(s.Code))];
        Laws =
        [
            .. all
                .Where(l => State is null || l.State == State)
                .Where(l => Type is null || l.Type == Type)
                .Where(l => Repealed || l.RepealedOn is null)
                .OrderBy(l => StateName(l.State), Domain.Common.Collation.For(Language))
                .ThenBy(l => l.Title, Domain.Common.Collation.For(Language)),
        ];
    }
}
