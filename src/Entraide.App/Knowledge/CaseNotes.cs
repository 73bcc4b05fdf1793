using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Search;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge;

public sealed record CreateCaseNote(string? State, string? Kind, string? Title, string? Summary, string? Language, DateOnly? Date,
    string? Source, IReadOnlyList<string>? Terms, IReadOnlyList<Guid>? Provisions, bool Example = false);

public sealed record CaseNoteView(Guid Id, string State, string Kind, string Title, string Summary, string Language, DateOnly Date,
    string? Source, IReadOnlyList<string> Terms, IReadOnlyList<Guid> Provisions, bool Example);

/// <summary>
/// Court decisions and lessons learned (res. 74/173 §8), each linked to the provisions and terms it
/// concerns. Public to read; a State's administrators record their own, the secretariat any State's.
/// </summary>
public sealed class CaseNoteCommands(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, KnowledgeIndexer indexer)
{
    public Task<CaseNoteView> CreateAsync(CreateCaseNote cmd, CancellationToken ct) => StoreAsync(cmd, authorise: true, ct);

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
        if (authorise) LegislationCommands.EnsureCanMaintain(current.Current, state!, hideForeign: false);

        var note = new CaseNote
        {
            Id = Guid.CreateVersion7(),
            State = state!,
            Kind = cmd.Kind!,
            Title = title,
            Summary = summary,
            Language = cmd.Language!,
            Date = cmd.Date!.Value,
            Source = source.Length == 0 ? null : source,
            Terms = string.Join(",", (cmd.Terms ?? []).Distinct(StringComparer.Ordinal)),
            Provisions = string.Join(",", provisionIds),
            Example = cmd.Example,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(note);
        audit.Action = authorise ? "knowledge.case.create" : "knowledge.case.seed";
        await db.SaveChangesAsync(ct);
        await indexer.IndexCaseAsync(note.Id, ct);
        return View(note);
    }

    public async Task<IReadOnlyList<CaseNoteView>> ListAsync(string? state, string? term, Guid? provision, CancellationToken ct)
    {
        var q = db.Set<CaseNote>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Domain.Network.StateDirectory.Default.TryGet(state.Trim(), out var info)) throw DomainException.Invalid("unknown-state", "state");
            q = q.Where(c => c.State == info.Iso3);
        }
        var list = await q.ToListAsync(ct);
        return [.. list.Where(c => term is null || c.TermList.Contains(term))
            .Where(c => provision is null || c.ProvisionList.Contains(provision.Value))
            .OrderByDescending(c => c.Date).Select(View)];
    }

    public async Task<CaseNoteView> GetAsync(Guid id, CancellationToken ct) =>
        View(await db.Set<CaseNote>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("case"));

    internal static CaseNoteView View(CaseNote c) =>
        new(c.Id, c.State, c.Kind, c.Title, c.Summary, c.Language, c.Date, c.Source, c.TermList, c.ProvisionList, c.Example);
}
