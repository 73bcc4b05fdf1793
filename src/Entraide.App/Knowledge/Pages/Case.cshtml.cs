using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class CaseModel(CaseNoteCommands cases, StateDirectory states) : KnowledgePage(states)
{
    public CaseNoteView Case { get; private set; } = null!;

    public async Task OnGetAsync(Guid caseId, CancellationToken ct) => Case = await cases.GetAsync(caseId, ct);
}
