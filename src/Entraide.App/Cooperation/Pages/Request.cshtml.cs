using Entraide.App.Cooperation.Attachments;
using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Cooperation.Pages;

/// <summary>
/// One request as the viewer's side sees it: content, the timeline both sides share, the steps open to
/// the viewer, the thread and the attachments. Every form posts to a handler that calls the same
/// commands as the API.
/// </summary>
[Authorize(Roles = Roles.Investigator + "," + Roles.CentralAuthority + "," + Roles.PointOfContact)]
public sealed class RequestModel(RequestQueries queries, ErrorMessages errors, ICurrentActor actor) : PageModel
{
    public RequestView View { get; private set; } = null!;
    public TypeSpec Spec { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? FailedAction { get; private set; }
    public bool Sent { get; private set; }
    public string Own => actor.Current.StateCode ?? "";

    public async Task OnGetAsync(Guid id, bool sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(id, ct);
    }

    public Task<IActionResult> OnPostStepAsync(Guid id, string? action, string? ground, string? reasons, bool acceptConfidentiality, int? version,
        [FromServices] TransitionRequestHandler handler, CancellationToken ct) =>
        RunAsync(id, action, () => handler.HandleAsync(id, new TransitionRequest(action, ground, reasons, acceptConfidentiality, version), ct), ct);

    public Task<IActionResult> OnPostMessageAsync(Guid id, string? kind, string? body, [FromServices] PostMessageHandler handler,
        CancellationToken ct) =>
        RunAsync(id, "message", () => handler.HandleAsync(id, new PostMessage(kind, body, null), ct), ct);

    public Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, string? useLimitation, int? retentionDays,
        [FromServices] AttachDocumentHandler handler, CancellationToken ct) =>
        RunAsync(id, "attach", async () =>
        {
            await using var stream = file?.OpenReadStream() ?? Stream.Null;
            return await handler.HandleAsync(id, new AttachDocument(file?.FileName, file?.ContentType, stream, file?.Length ?? 0, useLimitation,
                retentionDays), ct);
        }, ct);

    public Task<IActionResult> OnPostAcknowledgeConditionsAsync(Guid id, Guid attachmentId, [FromServices] AcknowledgeConditionsHandler handler,
        CancellationToken ct) =>
        RunAsync(id, "conditions", () => handler.HandleAsync(new AcknowledgeConditions(id, attachmentId), ct), ct);

    public Task<IActionResult> OnPostOnwardTransferAsync(Guid id, Guid attachmentId, string? toState, string? reasons,
        [FromServices] RequestOnwardTransferHandler handler, CancellationToken ct) =>
        RunAsync(id, "onward", () => handler.HandleAsync(id, attachmentId, new RequestOnwardTransfer(toState, reasons), ct), ct);

    public Task<IActionResult> OnPostDecideTransferAsync(Guid id, Guid attachmentId, bool authorise,
        [FromServices] DecideOnwardTransferHandler handler, CancellationToken ct) =>
        RunAsync(id, "onward", () => handler.HandleAsync(id, attachmentId, new DecideOnwardTransfer(authorise), ct), ct);

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, [FromServices] DraftFollowUpHandler handler, CancellationToken ct)
    {
        try
        {
            var f = await handler.HandleAsync(new DraftFollowUp(id), ct);
            return Redirect($"/requests/draft/{f.Id}");
        }
        catch (DomainException ex) when (ex.Kind is FailureKind.Invalid or FailureKind.Conflict or FailureKind.Forbidden)
        {
            return await FailAsync(id, "follow-up", ex, ct);
        }
    }

    private async Task<IActionResult> RunAsync<T>(Guid id, string? what, Func<Task<T>> work, CancellationToken ct)
    {
        try
        {
            await work();
            return Redirect($"/requests/{id}");
        }
        catch (DomainException ex) when (ex.Kind is FailureKind.Invalid or FailureKind.Conflict or FailureKind.Forbidden)
        {
            return await FailAsync(id, what, ex, ct);
        }
    }

    private async Task<IActionResult> FailAsync(Guid id, string? what, DomainException ex, CancellationToken ct)
    {
        FailedAction = what;
        if (ex.Kind == FailureKind.Forbidden) Errors.Add(errors["forbidden"].Value);
        foreach (var e in ex.Errors.Where(_ => ex.Kind != FailureKind.Forbidden))
        {
            var message = ProblemResponses.Describe(errors, e);
            if (e.Field is { } f) FieldErrors.TryAdd(f, message);
            Errors.Add(message);
        }
        Response.StatusCode = ex.Kind == FailureKind.Invalid ? StatusCodes.Status422UnprocessableEntity : ProblemResponses.StatusOf(ex.Kind);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await queries.GetAsync(id, ct);
        RequestCatalogue.TryParse(View.Type, out var spec);
        Spec = spec;
    }

    /// <summary>An instant as both sides read it: in the requesting and in the requested State's zones.</summary>
    public (string Requesting, string Requested) BothTimes(DateTimeOffset at) =>
        (LocalTime.In(at, View.RequestingTimeZone).ToString("g") + " (" + View.RequestingState + ")",
         LocalTime.In(at, View.RequestedTimeZone).ToString("g") + " (" + View.RequestedState + ")");
}
