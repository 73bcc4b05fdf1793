using Entraide.App.Deliberation.Consultations;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Entraide.App.Deliberation.Pages;

/// <summary>The consultations a delegate's State is invited to; the secretariat sees them all and opens new ones here.</summary>
[Authorize(Roles = Roles.Delegate + "," + Roles.Secretariat)]
public sealed class ConsultationsModel(ConsultationQueries consultations, ICurrentActor current, ErrorMessages messages) : DeliberationPage(messages)
{
    public IReadOnlyList<ConsultationView> Consultations { get; private set; } = [];
    public bool IsSecretariat => current.Current.IsSecretariat;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? Invitation { get; set; }
    [BindProperty] public string? Introduction { get; set; }
    [BindProperty] public string? TextLanguage { get; set; }
    [BindProperty] public string? Symbol { get; set; }
    [BindProperty] public DateTime? Deadline { get; set; }
    [BindProperty] public string? Invited { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        TextLanguage ??= Language;
        Consultations = await consultations.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] OpenConsultationHandler handler, CancellationToken ct)
    {
        Domain.Deliberation.Consultation? opened = null;
        var invited = (Invited ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var ok = await TryAsync(async () => opened = await handler.HandleAsync(new OpenConsultation(Title, Question, Invitation, Introduction,
            TextLanguage, Symbol,
            Deadline is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null, invited.Length == 0 ? null : invited), ct));
        if (ok) return Redirect($"/consultations/{opened!.Id}");
        Consultations = await consultations.ListAsync(ct);
        return Page();
    }
}
