using Entraide.App.Infrastructure.Hosting;
using Entraide.Domain.Common;

namespace Entraide.App.Knowledge.Legislation;

/// <param name="Format">akn, csv or json; guessed from the content type or the content when absent.</param>
public sealed record ImportLaws(string? Format, string? ContentType, string Content);

public sealed record ImportResult(int Laws, int Provisions, IReadOnlyList<LawSummary> Created);

/// <summary>
/// Imports laws from Akoma Ntoso 3.0 XML, CSV or JSON: every problem is reported with its place in the
/// file, and nothing is stored unless everything is valid.
/// </summary>
public sealed class ImportLawsHandler(LawStore store) : IHandler
{
    public async Task<ImportResult> HandleAsync(ImportLaws command, CancellationToken ct)
    {
        if (command.Content.Trim().Length == 0) throw new DomainException(FailureKind.Invalid, DomainError.Required("file"));
        var parsed = LawImport.Parse(ImportFormats.Detect(command.Format, command.ContentType, command.Content), command.Content);
        var created = await store.CreateManyAsync(parsed.Laws, parsed.Locate, ct);
        return new ImportResult(created.Count, parsed.Laws.Sum(l => l.Expressions!.Sum(e => e.Provisions!.Count)), created);
    }
}
