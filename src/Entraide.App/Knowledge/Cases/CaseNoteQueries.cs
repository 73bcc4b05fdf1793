using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Cases;

public sealed record CaseNoteView(Guid Id, string State, string Kind, string Title, string Summary, string Language, DateOnly Date,
    string? Source, IReadOnlyList<string> Terms, IReadOnlyList<Guid> Provisions, bool Example);

/// <summary>Court decisions and lessons learned: public to read, by State, taxonomy term or provision.</summary>
public sealed class CaseNoteQueries(EntraideDbContext db)
{
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
