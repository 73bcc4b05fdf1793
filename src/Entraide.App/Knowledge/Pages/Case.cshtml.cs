using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class CaseModel(CaseNoteQueries cases, StateDirectory states) : KnowledgePage(states)
{
    public CaseNoteView Case { get; private set; } = null!;

    public async Task OnGetAsync(Guid caseId, CancellationToken ct) => Case = await cases.GetAsync(caseId, ct);
}
