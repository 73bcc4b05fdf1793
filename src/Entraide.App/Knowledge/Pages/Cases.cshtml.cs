using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class CasesModel(CaseNoteQueries cases, StateDirectory states) : KnowledgePage(states)
{
    public IReadOnlyList<CaseNoteView> Cases { get; private set; } = [];
    public string? Term { get; private set; }

    public async Task OnGetAsync(string? term, CancellationToken ct)
    {
        Term = string.IsNullOrWhiteSpace(term) ? null : term;
        Cases = await cases.ListAsync(null, Term, null, ct);
    }
}
