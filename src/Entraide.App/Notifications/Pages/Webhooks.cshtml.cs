using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Notifications.Webhooks;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Notifications.Pages;

/// <summary>
/// A State's administrators manage their webhook subscriptions: create (secret shown once), switch off and on, rotate the
/// secret, test, delete. The page calls the handlers the API calls.
/// </summary>
[Authorize(Roles = Roles.StateAdministrator)]
public sealed class WebhooksModel(WebhookQueries queries, ErrorMessages errors) : PageModel
{
    public IReadOnlyList<WebhookView> Webhooks { get; private set; } = [];
    public IReadOnlyList<string> Kinds => NotificationKinds.All;
    public string? NewSecret { get; private set; }
    public Guid? SecretFor { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>Messages by field (<c>url</c>, <c>events</c>, <c>description</c>), and those tied to no field under "".</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = new(StringComparer.Ordinal);

    [BindProperty(Name = "url")] public string? WebhookUrl { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [];

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync([FromServices] CreateWebhookHandler create, CancellationToken ct)
    {
        try
        {
            var created = await create.HandleAsync(new CreateWebhook(WebhookUrl, Events, Description), ct);
            NewSecret = created.Secret;
            SecretFor = created.Webhook.Id;
            WebhookUrl = null;
            Description = null;
            Events = [];
            ModelState.Clear();
        }
        catch (DomainException ex) when (ex.Kind is FailureKind.Invalid or FailureKind.Conflict)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.Field ?? "";
                if (!FieldErrors.TryGetValue(key, out var list)) FieldErrors[key] = list = [];
                list.Add(ProblemResponses.Describe(errors, e));
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, [FromServices] UpdateWebhookHandler update, CancellationToken ct)
    {
        await update.HandleAsync(id, new UpdateWebhook(null, null, null, active, null), ct);
        return RedirectToPage(new { done = "saved" });
    }

    public async Task<IActionResult> OnPostSecretAsync(Guid id, [FromServices] RotateWebhookSecretHandler rotate, CancellationToken ct)
    {
        var rotated = await rotate.HandleAsync(new RotateWebhookSecret(id), ct);
        NewSecret = rotated.Secret;
        SecretFor = id;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, [FromServices] SendWebhookTestHandler test, CancellationToken ct)
    {
        try
        {
            await test.HandleAsync(new SendWebhookTest(id), ct);
            return RedirectToPage("/Notifications/Pages/WebhookDeliveries", new { id, done = "test" });
        }
        catch (DomainException ex) when (ex.Kind == FailureKind.Conflict)
        {
            FieldErrors[""] = [.. ex.Errors.Select(e => ProblemResponses.Describe(errors, e))];
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] DeleteWebhookHandler delete, CancellationToken ct)
    {
        await delete.HandleAsync(new DeleteWebhook(id), ct);
        return RedirectToPage(new { done = "deleted" });
    }

    public IReadOnlyList<string> ErrorsFor(string field) => FieldErrors.TryGetValue(field, out var l) ? l : [];

    private async Task LoadAsync(CancellationToken ct) => Webhooks = await queries.ListAsync(ct);
}
