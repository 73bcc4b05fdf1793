using Entraide.App.Cooperation.Attachments;
using Entraide.App.Cooperation.CaseWork;
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
public sealed class RequestModel(RequestQueries queries, CaseWorkQueries caseWork, ErrorMessages errors, ICurrentActor actor) : PageModel
{
    /// <summary>The steps that cannot be undone: the page asks to confirm them, saying what the other State will see.</summary>
    public static readonly IReadOnlySet<string> Irreversible =
        new HashSet<string>(StringComparer.Ordinal) { "accept", "record-execution", "record-partial-execution", "refuse", "withdraw" };

    public RequestView View { get; private set; } = null!;
    public TypeSpec Spec { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? FailedAction { get; private set; }
    public bool Sent { get; private set; }
    public string Own => actor.Current.StateCode ?? "";
    public bool MayRecordPreservation => actor.Current.HasAny(Roles.CentralAuthority, Roles.PointOfContact);
    public AssignmentView Assignment { get; private set; } = null!;
    public IReadOnlyList<NoteView> Notes { get; private set; } = [];
    /// <summary>The irreversible step awaiting confirmation, when the viewer asked for one.</summary>
    public string? Confirming { get; private set; }

    /// <summary>What the viewer typed in the form that failed (or awaits confirmation), so that nothing typed is lost.</summary>
    public string? Posted(string name, string? form = null) =>
        (form is null || form == FailedAction || form == Confirming) && Request.HasFormContentType && Request.Form.TryGetValue(name, out var v)
            ? v.ToString()
            : null;

    public async Task OnGetAsync(Guid id, bool sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, string? action, string? ground, string? reasons, bool acceptConfidentiality,
        int? version, bool confirmed, [FromServices] TransitionRequestHandler handler, CancellationToken ct)
    {
        if (!confirmed && action is not null && Irreversible.Contains(action))
        {
            try
            {
                // What can be told before asking is told first: a missing ground or reasons is not worth a confirmation.
                if (action == "refuse") Grounds.RequireRefusal(ground, reasons);
                await LoadAsync(id, ct);
                if (View.AllowedActions.Contains(action))
                {
                    Confirming = action;
                    return Page();
                }
            }
            catch (DomainException ex) when (ex.Kind == FailureKind.Invalid)
            {
                return await FailAsync(id, action, ex, ct);
            }
        }
        return await RunAsync(id, action,
            () => handler.HandleAsync(id, new TransitionRequest(action, ground, reasons, acceptConfidentiality, version), ct), ct);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? assignee, [FromServices] AssignRequestHandler handler, CancellationToken ct) =>
        RunAsync(id, "assign", () => handler.HandleAsync(id, new AssignRequest(assignee), ct), ct);

    public Task<IActionResult> OnPostUnassignAsync(Guid id, [FromServices] AssignRequestHandler handler, CancellationToken ct) =>
        RunAsync(id, "assign", () => handler.HandleAsync(id, new AssignRequest(null), ct), ct);

    public Task<IActionResult> OnPostNoteAsync(Guid id, string? body, [FromServices] WriteNoteHandler handler, CancellationToken ct) =>
        RunAsync(id, "note", () => handler.HandleAsync(id, new WriteNote(body), ct), ct);

    public Task<IActionResult> OnPostPreservationPeriodAsync(Guid id, int? preservationDays, int? version,
        [FromServices] RecordPreservationPeriodHandler handler, CancellationToken ct) =>
        RunAsync(id, "preservation-period", () => handler.HandleAsync(id, new RecordPreservationPeriod(preservationDays, version), ct), ct);

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
        Assignment = await caseWork.AssignmentAsync(id, ct);
        Notes = await caseWork.NotesAsync(id, ct);
    }

    /// <summary>An instant as both sides read it: in the requesting and in the requested State's zones.</summary>
    public (string Requesting, string Requested) BothTimes(DateTimeOffset at) =>
        (Dates.Moment(at, View.RequestingTimeZone) + " (" + View.RequestingState + ")",
         Dates.Moment(at, View.RequestedTimeZone) + " (" + View.RequestedState + ")");
}
