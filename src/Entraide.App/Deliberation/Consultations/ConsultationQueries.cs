using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Consultations;

/// <summary>
/// The reads of consultations. A consultation exists for the secretariat and for the States it invites;
/// a State sees its own submission only, the secretariat every one.
/// </summary>
public sealed class ConsultationQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states)
{
    public async Task<IReadOnlyList<ConsultationView>> ListAsync(CancellationToken ct)
    {
        var all = await db.Set<Consultation>().AsNoTracking().Include(c => c.DeadlineChanges).OrderByDescending(c => c.OpenedAt).Take(500)
            .ToListAsync(ct);
        var result = new List<ConsultationView>();
        foreach (var c in all.Where(CanSee)) result.Add(await ViewAsync(c, ct));
        return result;
    }

    public async Task<ConsultationView> GetAsync(Guid id, CancellationToken ct) => await ViewAsync(await LoadAsync(id, ct, tracking: false), ct);

    public async Task<SubmissionView> GetSubmissionAsync(Guid id, Guid submissionId, CancellationToken ct)
    {
        await LoadAsync(id, ct, tracking: false);
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Texts).Include(x => x.Attachments).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == submissionId && x.ConsultationId == id, ct) ?? throw DomainException.NotFound("submission");
        current.Current.EnsureCanSee(s.State);
        return View(s);
    }

    public async Task<SubmissionView?> GetOwnSubmissionAsync(Guid id, CancellationToken ct)
    {
        var state = current.Current.StateCode;
        if (state is null) return null;
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Texts).Include(x => x.Attachments).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.ConsultationId == id && x.State == state, ct);
        return s is null ? null : View(s);
    }

    public async Task<SubmissionAttachment> GetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        await LoadAsync(id, ct, tracking: false);
        var a = await db.Set<SubmissionAttachment>().AsNoTracking()
            .Join(db.Set<Submission>().Where(s => s.ConsultationId == id), a => a.SubmissionId, s => s.Id, (a, s) => a)
            .SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw DomainException.NotFound("attachment");
        current.Current.EnsureCanSee(a.State);
        return a;
    }

    /// <summary>The compilation in <paramref name="language"/>, dated today: sections in that language's collation order.</summary>
    public async Task<CompiledDocument> CompileAsync(Guid id, string language, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct, tracking: false);
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var subs = await db.Set<Submission>().AsNoTracking().Include(s => s.Texts).Where(s => s.ConsultationId == id).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Compiler.Compile(states, language, c.Title, c.Symbol, today, c.Introduction,
            subs.Select(s => new SubmissionForCompilation(s.State, s.OriginalLanguage, DateOnly.FromDateTime(s.SubmittedAt.UtcDateTime),
                [.. s.Texts.Select(t => new SubmissionVersion(t.Language, t.Status, t.Text, t.TranslatedBy))])));
    }

    public async Task<SubmissionView> GetSubmissionViewAsync(Guid submissionId, CancellationToken ct)
    {
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Texts).Include(x => x.Attachments).AsSplitQuery()
            .SingleAsync(x => x.Id == submissionId, ct);
        return View(s);
    }

    /// <summary>The consultation, when the caller may see it (404 otherwise).</summary>
    internal async Task<Consultation> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = db.Set<Consultation>().Include(c => c.DeadlineChanges).AsQueryable();
        if (!tracking) q = q.AsNoTracking();
        var c = await q.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("consultation");
        if (!CanSee(c)) throw DomainException.NotFound("consultation");
        return c;
    }

    private bool CanSee(Consultation c) => current.Current.IsSecretariat || current.Current.PartyOf(c.Parties(states)) is not null;

    private async Task<ConsultationView> ViewAsync(Consultation c, CancellationToken ct)
    {
        var actor = current.Current;
        var q = db.Set<Submission>().AsNoTracking().Include(s => s.Texts).Where(s => s.ConsultationId == c.Id);
        if (!actor.IsSecretariat) q = q.Where(s => s.State == actor.StateCode);
        var subs = await q.ToListAsync(ct);
        var lang = Infrastructure.Localization.CultureCookie.Current;
        DateTimeOffset? lateUntil = null;
        if (actor.StateCode is { } st)
        {
            var l = await db.Set<LateAcceptance>().AsNoTracking().Where(x => x.ConsultationId == c.Id && x.State == st).Select(x => x.Until)
                .ToListAsync(ct);
            if (l.Count > 0) lateUntil = l.Max();
        }
        var comparer = Collation.For(lang);
        return new ConsultationView(c.Id, c.Title, c.Question, c.Invitation, c.Introduction, c.Language, c.Symbol, c.OpenedAt,
            c.OriginalDeadline, c.Deadline, c.Schedule().IsOpenAt(clock.GetUtcNow()),
            c.InvitedStates?.Split(','),
            [.. c.DeadlineChanges.OrderBy(d => d.ChangedAt).Select(d => new DeadlineChangeView(d.From, d.To, d.ChangedAt, d.ChangedBy, d.Reason))],
            [.. subs.Select(s => new SubmissionSummary(s.Id, s.State, states.ListName(s.State, lang), s.OriginalLanguage, s.SubmittedAt, s.Late,
                    s.Texts.ToDictionary(t => t.Language, t => t.Status)))
                .OrderBy(s => s.StateName, comparer)],
            lateUntil, c.Version);
    }

    private SubmissionView View(Submission s) => new(
        s.Id, s.ConsultationId, s.State, states.ListName(s.State, Infrastructure.Localization.CultureCookie.Current), s.OriginalLanguage,
        s.SubmittedAt, s.Late,
        [.. Languages.All.Select(l => s.Texts.FirstOrDefault(t => t.Language == l) is { } t
            ? new SubmissionVersionView(l, t.Status, t.Text, t.TranslatedBy, t.UpdatedAt)
            : new SubmissionVersionView(l, TranslationStatus.AwaitingTranslation, null, null, null))],
        [.. s.Attachments.OrderBy(a => a.FileName, StringComparer.Ordinal).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size,
            a.Sha256))],
        s.Version);
}
