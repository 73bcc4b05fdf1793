using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Register;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The register as a self-contained document for printing or saving as PDF, in the page's language.</summary>
[AllowAnonymous]
public sealed class RegisterPrintModel(RegisterQueries query) : PageModel
{
    public RegisterView Register { get; private set; } = null!;
    public string Language { get; private set; } = "en";

    public async Task OnGetAsync(string? region, string? kind, string? language, string? aroundTheClock, string? q, CancellationToken ct)
    {
        Language = CultureCookie.Current;
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        Register = await query.RunAsync(new RegisterFilter(Blank(region), Blank(kind), Blank(language)?.ToLowerInvariant(),
            aroundTheClock switch { "yes" => true, "no" => false, _ => null }, Blank(q)), Language, ct);
    }
}
