using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust.Tokens;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Trust.Pages;

[Authorize(Roles = Roles.StateAdministrator + "," + Roles.Secretariat)]
public sealed class TokensModel(ApiTokenQueries queries, ICurrentActor actor, ErrorMessages errors) : PageModel
{
    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];
    public IReadOnlyList<string> GrantableRoles { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string[]? roles, DateOnly? expiresOn,
        [FromServices] CreateApiTokenHandler handler, CancellationToken ct)
    {
        try
        {
            var created = await handler.HandleAsync(new CreateApiToken(name ?? "", roles ?? [],
                expiresOn is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null), ct);
            NewSecret = created.Secret;
        }
        catch (DomainException ex)
        {
            Errors.AddRange(ex.Errors.Select(e => ProblemResponses.Describe(errors, e)));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, [FromServices] RevokeApiTokenHandler handler, CancellationToken ct)
    {
        await handler.HandleAsync(new RevokeApiToken(id), ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tokens = await queries.ListAsync(ct);
        GrantableRoles = actor.Current.IsSecretariat
            ? [Roles.Secretariat]
            : [.. EndpointConventions.StateRoles];
    }
}
