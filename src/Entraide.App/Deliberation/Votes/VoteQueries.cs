using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Votes;

/// <summary>The reads of votes. An open vote is the secretariat's working record; the public sees a vote once it is closed.</summary>
public sealed class VoteQueries(EntraideDbContext db, ICurrentActor current, StateDirectory states)
{
    public async Task<VoteView> GetAsync(Guid id, CancellationToken ct) => View(await LoadAsync(id, ct, tracking: false));

    public async Task<IReadOnlyList<VoteView>> ListAsync(Guid? draftId, CancellationToken ct)
    {
        var q = db.Set<Vote>().AsNoTracking().Include(v => v.Ballots).Include(v => v.Footnotes).AsSplitQuery().AsQueryable();
        if (!current.Current.IsSecretariat) q = q.Where(v => v.Status == VoteStatus.Closed);
        if (draftId is { } d) q = q.Where(v => v.DraftId == d);
        var list = await q.OrderByDescending(v => v.Date).ThenByDescending(v => v.CreatedAt).Take(500).ToListAsync(ct);
        return [.. list.Select(View)];
    }

    public async Task<VoteReportText> ReportAsync(Guid id, string language, CancellationToken ct) =>
        Report(await LoadAsync(id, ct, tracking: false), language);

    public VoteReportText Report(Vote v, string language) =>
        VoteReport.Write(states, language, v.Subject, v.Method, v.Majority, v.Date,
            v.Ballots.ToDictionary(b => b.State, b => b.Choice),
            [.. v.Footnotes.Select(f => new VoteFootnoteEntry(f.State, f.Intended, f.StatedOn))]);

    /// <summary>The vote, when the caller may see it (404 otherwise); tracked for a change unless <paramref name="tracking"/> is false.</summary>
    internal async Task<Vote> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = db.Set<Vote>().Include(v => v.Ballots).Include(v => v.Footnotes).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        var v = await q.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw DomainException.NotFound("vote");
        if (v.Status != VoteStatus.Closed && !current.Current.IsSecretariat) throw DomainException.NotFound("vote");
        return v;
    }

    private VoteView View(Vote v)
    {
        var lang = Infrastructure.Localization.CultureCookie.Current;
        var comparer = Collation.For(lang);
        var byState = v.Ballots.ToDictionary(b => b.State, b => b.Choice);
        return new VoteView(v.Id, v.DraftId, v.Body, v.DraftSymbol, v.AmendmentSymbol, v.ParagraphKind, v.ParagraphNumber, v.Date, v.Method,
            v.Majority,
            v.Status, v.Outcome, v.CurrentTally(),
            [.. v.Ballots.Select(b => new BallotView(b.State, states.ListName(b.State, lang, v.Date), b.Choice)).OrderBy(b => b.Name, comparer)],
            [.. v.Footnotes.OrderBy(f => f.StatedOn).Select(f => new FootnoteView(f.State, states.ListName(f.State, lang, v.Date), f.Intended,
                byState.TryGetValue(f.State, out var c) ? c : null, f.StatedOn))],
            v.ClosedAt, v.Version);
    }
}
