using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class TaxonomyModel(StateDirectory states) : KnowledgePage(states)
{
    public void OnGet() { }
}
