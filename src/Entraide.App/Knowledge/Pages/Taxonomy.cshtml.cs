using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class TaxonomyModel(StateDirectory states) : KnowledgePage(states)
{
    public void OnGet() { }
}
