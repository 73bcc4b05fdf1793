using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class LawModel(LegislationQueries queries, CaseNoteQueries cases, StateDirectory states,
    IStringLocalizer<KnowledgeText> k) : KnowledgePage(states)
{
    public LawDetail Detail { get; private set; } = null!;
    private IReadOnlyList<CaseNoteView> _cases = [];

    public async Task OnGetAsync(Guid lawId, DateOnly? on, Guid? version, CancellationToken ct)
    {
        Detail = await queries.GetAsync(lawId, on, Language, version, ct);
        _cases = await cases.ListAsync(Detail.Law.State, null, null, ct);
    }

    public IEnumerable<CaseNoteView> CasesFor(Guid provisionId) => _cases.Where(c => c.Provisions.Contains(provisionId));

    public string Penalty(int? min, int? max) => (min, max) switch
    {
        (null, { } b) => k["up to {0}", Duration(b)],
        ({ } a, null) => k["at least {0}", Duration(a)],
        ({ } a, { } b) => k["{0} to {1}", Duration(a), Duration(b)],
        _ => "",
    };

    private string Duration(int months) => months % 12 == 0 ? k["{0} years", months / 12] : k["{0} months", months];
}
