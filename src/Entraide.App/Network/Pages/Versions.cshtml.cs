using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Profiles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The profile's history: every version with who made it and when, and any version in full.</summary>
public sealed class VersionsModel(ProfileQueries profiles, Entraide.Domain.Network.StateDirectory states) : PageModel
{
    public string State { get; private set; } = "";
    public string StateName { get; private set; } = "";
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public VersionView? Selected { get; private set; }

    public async Task OnGetAsync(string state, int? versionNumber, CancellationToken ct)
    {
        Versions = await profiles.VersionsAsync(state, ct);
        State = state.ToUpperInvariant();
        StateName = states.ListName(State, CultureCookie.Current);
        if (versionNumber is { } n) Selected = await profiles.VersionAsync(state, n, ct);
    }
}
