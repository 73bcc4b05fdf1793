using Entraide.App.Deliberation.Consultations;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Pages;

/// <summary>
/// One consultation: a delegate submits (or replaces) its State's comments with attachments; the
/// secretariat follows the submissions and their translations, extends the deadline and accepts late
/// submissions.
/// </summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class ConsultationModel(ConsultationQueries consultations, ICurrentActor current, ErrorMessages messages,
    IStringLocalizer<DeliberationText> text)
    : DeliberationPage(messages)
{
    public ConsultationView? Consultation { get; private set; }
    public SubmissionView? Own { get; private set; }
    public bool IsSecretariat => current.Current.IsSecretariat;
    public bool CanSubmit => current.Current.Has(Roles.Delegate) && current.Current.StateCode is not null;

    [BindProperty] public string? SubmissionLanguage { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateTime? NewDeadline { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LateState { get; set; }
    [BindProperty] public DateTime? LateUntil { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] SubmitCommentsHandler handler, CancellationToken ct)
    {
        var uploads = new List<AttachmentUpload?>();
        foreach (var f in Files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            if (f.Length > Domain.Deliberation.SubmissionRules.MaxAttachmentBytes)
            {
                uploads.Add(new AttachmentUpload(f.FileName, f.ContentType, ""));
                continue;
            }
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            uploads.Add(new AttachmentUpload(Path.GetFileName(f.FileName), f.ContentType, Convert.ToBase64String(ms.ToArray())));
        }
        if (await TryAsync(() => handler.HandleAsync(id, new SubmitComments(SubmissionLanguage, Text, uploads), ct)))
        {
            Done = text["Your comments have been received."];
            Text = null;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id, [FromServices] ExtendDeadlineHandler handler, CancellationToken ct)
    {
        if (await TryAsync(() => handler.HandleAsync(id, new ExtendDeadline(Utc(NewDeadline), Reason, Version), ct)))
            Done = text["The deadline has been extended."];
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptLateAsync(Guid id, [FromServices] AcceptLateSubmissionHandler handler, CancellationToken ct)
    {
        if (await TryAsync(() => handler.HandleAsync(id, new AcceptLateSubmission(LateState, Utc(LateUntil)), ct)))
            Done = text["The late submission is accepted."];
        await LoadAsync(id, ct);
        return Page();
    }

    private static DateTimeOffset? Utc(DateTime? d) => d is { } x ? new DateTimeOffset(DateTime.SpecifyKind(x, DateTimeKind.Utc)) : null;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Consultation = await consultations.GetAsync(id, ct);
        Own = await consultations.GetOwnSubmissionAsync(id, ct);
    }
}
