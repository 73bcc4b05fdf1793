using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Drafts;

/// <summary>
/// The reads of drafts. A draft in preparation exists only for its main sponsors and the secretariat;
/// an issued one is read by everyone from its issued revision on, the earlier (working) revisions only by
/// those who prepared it (<see cref="DraftAccess"/>).
/// </summary>
public sealed class DraftQueries(EntraideDbContext db, ICurrentActor current, StateDirectory states)
{
    public async Task<DraftView> GetAsync(Guid id, int? revision, CancellationToken ct)
    {
        var d = await LoadAsync(id, ct, tracking: false);
        var first = DraftAccess.FirstVisibleRevision(current.Current, d);
        DraftAccess.EnsureVisible(revision, first);
        return View(d, revision, first);
    }

    /// <summary>Issued drafts and adopted or rejected texts are public documents: anyone reads them, as issued.</summary>
    public async Task<DraftView> GetPublicAsync(Guid id, int? revision, CancellationToken ct)
    {
        var d = await LoadPublicAsync(id, ct);
        var first = DraftAccess.FirstPublicRevision(d);
        DraftAccess.EnsureVisible(revision, first);
        return View(d, revision, first);
    }

    public async Task<IReadOnlyList<DraftView>> ListAsync(bool publicOnly, DraftStatus? status, CancellationToken ct)
    {
        var actor = current.Current;
        var q = Query(tracking: false);
        if (status is { } st) q = q.Where(d => d.Status == st);
        publicOnly |= !actor.IsAuthenticated;
        if (publicOnly) q = q.Where(d => d.Status != DraftStatus.Working);
        else if (!actor.IsSecretariat)
        {
            // Narrows the rows in the database; DraftAccess decides below, for each draft, what the caller sees.
            var own = actor.StateCode;
            q = q.Where(d => d.Status != DraftStatus.Working || d.Sponsors.Any(s => s.State == own));
        }
        var list = await q.OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(ct);
        return [.. list.Where(d => publicOnly || DraftAccess.CanSee(actor, d))
            .Select(d => View(d, null, publicOnly ? DraftAccess.FirstPublicRevision(d) : DraftAccess.FirstVisibleRevision(actor, d)))];
    }

    /// <summary>Paragraph-level comparison of two revisions (by default the current one and the one before it that the caller reads).</summary>
    public async Task<DiffView> DiffAsync(Guid id, int? from, int? to, bool publicOnly, CancellationToken ct)
    {
        var d = publicOnly ? await LoadPublicAsync(id, ct) : await LoadAsync(id, ct, tracking: false);
        var first = publicOnly ? DraftAccess.FirstPublicRevision(d) : DraftAccess.FirstVisibleRevision(current.Current, d);
        var t = to ?? d.CurrentRevision;
        var f = from ?? Math.Max(first, t - 1);
        DraftAccess.EnsureVisible(f, first);
        DraftAccess.EnsureVisible(t, first);
        var a = d.Revisions.SingleOrDefault(r => r.Number == f) ?? throw DomainException.Invalid("unknown-revision", "from");
        var b = d.Revisions.SingleOrDefault(r => r.Number == t) ?? throw DomainException.Invalid("unknown-revision", "to");
        return new DiffView(f, t, d.SymbolOf(f), d.SymbolOf(t), ParagraphDiff.Compare(a.Paragraphs(), b.Paragraphs()));
    }

    /// <summary>The draft and the revision to export (the current one by default), when the caller may read that revision.</summary>
    public async Task<(DraftResolution Draft, DraftRevision Revision)> ExportAsync(Guid id, int? revision, bool publicOnly, CancellationToken ct)
    {
        var d = publicOnly ? await LoadPublicAsync(id, ct) : await LoadAsync(id, ct, tracking: false);
        DraftAccess.EnsureVisible(revision, publicOnly ? DraftAccess.FirstPublicRevision(d) : DraftAccess.FirstVisibleRevision(current.Current, d));
        var r = d.Revisions.SingleOrDefault(x => x.Number == (revision ?? d.CurrentRevision))
            ?? throw DomainException.Invalid("unknown-revision", "revision");
        return (d, r);
    }

    /// <summary>The draft, tracked for a change, when the caller may see it (404 otherwise).</summary>
    internal async Task<DraftResolution> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var d = await Query(tracking).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("draft");
        if (!DraftAccess.CanSee(current.Current, d)) throw DomainException.NotFound("draft");
        return d;
    }

    private async Task<DraftResolution> LoadPublicAsync(Guid id, CancellationToken ct) =>
        await Query(tracking: false).SingleOrDefaultAsync(x => x.Id == id && x.Status != DraftStatus.Working, ct)
            ?? throw DomainException.NotFound("draft");

    private IQueryable<DraftResolution> Query(bool tracking)
    {
        var q = db.Set<DraftResolution>().Include(d => d.Revisions).Include(d => d.Sponsors).AsSplitQuery();
        return tracking ? q : q.AsNoTracking();
    }

    private DraftView View(DraftResolution d, int? revision, int firstVisible)
    {
        var lang = Infrastructure.Localization.CultureCookie.Current;
        var number = revision ?? d.CurrentRevision;
        var r = d.Revisions.SingleOrDefault(x => x.Number == number) ?? throw DomainException.Invalid("unknown-revision", "revision");
        var paragraphs = r.Paragraphs();
        var warnings = ParagraphChecks.Check(paragraphs, d.Language);
        var comparer = Collation.For(lang);
        SponsorView S(DraftSponsor s) => new(s.State, states.ListName(s.State, lang), s.Kind, s.JoinedOn);
        return new DraftView(d.Id, d.SymbolOf(number), d.Symbol, d.Title, d.AgendaItem, d.Language, d.Status,
            d.CurrentRevision, d.OwnerState, d.CreatedAt, d.IssuedAt,
            [.. d.Sponsors.Where(s => s.Kind == SponsorKind.Main).Select(S).OrderBy(s => s.Name, comparer)],
            [.. d.Sponsors.Where(s => s.Kind == SponsorKind.CoSponsor).Select(S).OrderBy(s => s.JoinedOn).ThenBy(s => s.Name, comparer)],
            new RevisionView(r.Number, d.SymbolOf(r.Number), r.Title, r.BudgetImplications, r.CreatedAt, r.CreatedBy,
                [.. paragraphs.Select((p, i) => new ParagraphView(p.Kind, p.Text, [.. warnings.Where(w => w.Index == i).Select(w => w.Code)]))]),
            [.. d.Revisions.Select(x => x.Number).Where(n => n >= firstVisible).Order()], d.Version);
    }
}
