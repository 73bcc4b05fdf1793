using Entraide.App.Deliberation.Consultations;
using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Deliberation.Pages;

/// <summary>
/// The compilation in one of the six languages, as the document will read, with Word and PDF downloads.
/// The document's language is the <c>document</c> parameter, independent of the interface's (<c>lang</c>, the
/// user's choice): opening the Arabic compilation leaves the page around it in the user's language.
/// </summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class CompilationModel(ConsultationQueries consultations, IStringLocalizer<DeliberationText> text, IPdfPrinter pdf,
    ErrorMessages messages)
    : DeliberationPage(messages)
{
    public Guid Id { get; private set; }
    public CompiledDocument? Document { get; private set; }
    public CompilationLabels? Labels { get; private set; }

    public async Task OnGetAsync(Guid id, string? document, CancellationToken ct) => await LoadAsync(id, document, ct);

    public async Task<IActionResult> OnGetDocxAsync(Guid id, string? document, CancellationToken ct)
    {
        await LoadAsync(id, document, ct);
        return File(CompilationExports.Docx(Document!, Labels!), DeliberationFiles.Docx, $"compilation-{Document!.Language}.docx");
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, string? document, CancellationToken ct)
    {
        await LoadAsync(id, document, ct);
        byte[]? bytes = null;
        if (await TryAsync(async () => bytes = await pdf.PrintAsync(CompilationExports.Html(Document!, Labels!),
            new PdfOptions(HeaderTitle: Document!.Symbol ?? Document.Title), ct)))
            return File(bytes!, "application/pdf", $"compilation-{Document!.Language}.pdf");
        return Page();
    }

    private async Task LoadAsync(Guid id, string? document, CancellationToken ct)
    {
        Id = id;
        var language = Languages.Normalise(document) ?? Language;
        Document = await consultations.CompileAsync(id, language, ct);
        Labels = CompilationLabels.For(text, language);
    }
}
