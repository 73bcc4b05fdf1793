using Entraide.App.Deliberation.Consultations;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Pages;

/// <summary>A State's comments in every language; the secretariat records translations here.</summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class SubmissionModel(ConsultationQueries consultations, ICurrentActor current, ErrorMessages messages,
    IStringLocalizer<DeliberationText> text)
    : DeliberationPage(messages)
{
    public SubmissionView? Submission { get; private set; }
    public bool IsSecretariat => current.Current.IsSecretariat;

    public async Task OnGetAsync(Guid id, Guid submissionId, CancellationToken ct) =>
        Submission = await consultations.GetSubmissionAsync(id, submissionId, ct);

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid submissionId, Guid attachmentId, CancellationToken ct)
    {
        var a = await consultations.GetAttachmentAsync(id, attachmentId, ct);
        if (a.SubmissionId != submissionId) return NotFound();
        return File(a.Content, a.ContentType, a.FileName);
    }

    public async Task<IActionResult> OnPostTranslateAsync(Guid id, Guid submissionId, string? translationLanguage, string? translationText,
        string? translatedBy,
        [FromServices] SetTranslationHandler handler, CancellationToken ct)
    {
        if (await TryAsync(() => handler.HandleAsync(id, submissionId, translationLanguage ?? "",
                new SetTranslation(translationText, translatedBy), ct)))
            Done = text["The translation has been saved."];
        Submission = await consultations.GetSubmissionAsync(id, submissionId, ct);
        return Page();
    }
}
