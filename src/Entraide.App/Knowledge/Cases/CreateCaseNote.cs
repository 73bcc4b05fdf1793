using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Legislation;
using Entraide.App.Knowledge.Search;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Cases;

public sealed record CreateCaseNote(string? State, string? Kind, string? Title, string? Summary, string? Language, DateOnly? Date,
    string? Source, IReadOnlyList<string>? Terms, IReadOnlyList<Guid>? Provisions, bool Example = false);

/// <summary>
/// Records a court decision or a lesson learned (res. 74/173 §8), linked to the provisions and terms it
/// concerns: a State's administrators record their own, the secretariat any State's.
/// </summary>
public sealed class CreateCaseNoteHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    KnowledgeIndexer indexer) : IHandler
{
    public Task<CaseNoteView> HandleAsync(CreateCaseNote command, CancellationToken ct) => StoreAsync(command, authorise: true, ct);

    /// <summary>Demo content written by the system at seeding.</summary>
    internal Task<CaseNoteView> SeedAsync(CreateCaseNote cmd, CancellationToken ct) => StoreAsync(cmd, authorise: false, ct);

    private async Task<CaseNoteView> StoreAsync(CreateCaseNote cmd, bool authorise, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var state = cmd.State?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(state)) errors.Add(DomainError.Required("state"));
        else if (!Domain.Network.StateDirectory.Default.Exists(state)) errors.Add(new DomainError("unknown-state", "state"));
        if (cmd.Kind is null || !CaseKinds.All.Contains(cmd.Kind)) errors.Add(new DomainError("invalid-value", "kind"));
        var title = TextRules.Check(cmd.Title, "title", 500, errors, required: true);
        var summary = TextRules.Check(cmd.Summary, "summary", 20000, errors, required: true, multiline: true);
        var source = TextRules.Check(cmd.Source, "source", 500, errors);
        if (!Languages.IsSupported(cmd.Language)) errors.Add(new DomainError("unsupported-language", "language"));
        if (cmd.Date is null) errors.Add(DomainError.Required("date"));
        else if (cmd.Date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors.Add(new DomainError("future-date", "date"));
        foreach (var t in (cmd.Terms ?? []).Where(t => !OffenceTaxonomy.Current.Contains(t)))
            errors.Add(new DomainError("unknown-term", "terms") { Arguments = [t ?? ""] });
        var provisionIds = (cmd.Provisions ?? []).Distinct().ToList();
        if (provisionIds.Count > 0)
        {
            var found = await db.Set<LegalProvision>().Where(p => provisionIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            foreach (var missing in provisionIds.Except(found))
                errors.Add(new DomainError("unknown-provision", "provisions") { Arguments = [missing.ToString()] });
        }
        if ((cmd.Terms ?? []).Count == 0 && provisionIds.Count == 0) errors.Add(new DomainError("case-unlinked", "terms"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (authorise) LawStore.EnsureCanMaintain(current.Current, state!, hideForeign: false);

        var note = CaseNote.Record(state!, cmd.Kind!, title, summary, cmd.Language!, cmd.Date!.Value, source.Length == 0 ? null : source,
            (cmd.Terms ?? []).OfType<string>(), provisionIds, cmd.Example, clock.GetUtcNow());
        db.Add(note);
        audit.Action = authorise ? "knowledge.case.create" : "knowledge.case.seed";
        await db.SaveChangesAsync(ct);
        await indexer.IndexCaseAsync(note.Id, ct);
        return CaseNoteQueries.View(note);
    }
}
