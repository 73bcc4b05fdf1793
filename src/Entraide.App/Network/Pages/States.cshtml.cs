using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.States;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The public list of States in the page's language and collation order.</summary>
[AllowAnonymous]
public sealed class StatesModel(StateCatalogue catalogue) : PageModel
{
    public IReadOnlyList<StateView> States { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public string? Query { get; private set; }
    public string? Region { get; private set; }

    public void OnGet(string? q, string? region)
    {
        Query = q;
        Region = region;
        var all = catalogue.List(CultureCookie.Current);
        Regions = [.. all.Select(s => s.Region).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        IEnumerable<StateView> list = all;
        if (!string.IsNullOrWhiteSpace(region)) list = list.Where(s => s.Region == region);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            list = list.Where(s => s.Name.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || s.FormalName.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || s.Code.Equals(term, StringComparison.OrdinalIgnoreCase));
        }
        States = [.. list];
    }
}
