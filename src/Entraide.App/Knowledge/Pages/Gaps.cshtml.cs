using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class GapsModel(CriminalisationService service, StateDirectory states) : KnowledgePage(states)
{
    public CoverageView Coverage { get; private set; } = null!;

    public async Task OnGetAsync(string state, DateOnly? on, CancellationToken ct) =>
        Coverage = await service.CoverageAsync(state, on, Language, ct);
}
