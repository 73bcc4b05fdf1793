using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network.Register;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The public register of authorities and 24/7 points, filterable, with CSV and printable versions.</summary>
[AllowAnonymous]
public sealed class RegisterModel(RegisterQueries query) : PageModel
{
    public RegisterView Register { get; private set; } = null!;
    public RegisterFilter Filter { get; private set; } = new();
    public IReadOnlyList<string> Regions { get; } =
    [
        .. StateDirectory.Default.All
            .Select(s => s.Region)
            .Where(r => r.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];
    public FieldErrors Errors { get; } = new();
    public string QueryString { get; private set; } = "";

    public async Task OnGetAsync(string? region, string? kind, string? language, string? aroundTheClock, string? q, CancellationToken ct)
    {
        Filter = new RegisterFilter(Blank(region), Blank(kind), Blank(language)?.ToLowerInvariant(),
            aroundTheClock switch { "yes" => true, "no" => false, _ => null }, Blank(q));
        QueryString = Request.QueryString.Value ?? "";
        try
        {
            Register = await query.RunAsync(Filter, CultureCookie.Current, ct);
        }
        catch (DomainException ex) when (ex.Kind == FailureKind.Invalid)
        {
            Errors.Add(ex, HttpContext.RequestServices.GetRequiredService<ErrorMessages>());
            Register = await query.RunAsync(new RegisterFilter(), CultureCookie.Current, ct);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
