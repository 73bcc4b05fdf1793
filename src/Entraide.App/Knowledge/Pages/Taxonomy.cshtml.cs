using Entraide.App.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class TaxonomyModel(StateCatalogue states) : KnowledgePage(states)
{
    public void OnGet() { }
}
