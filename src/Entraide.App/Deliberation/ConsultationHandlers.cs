using System.Security.Cryptography;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation;

public sealed record OpenConsultation(
    string? Title, string? Question, string? Invitation, string? Introduction, string? Language, string? Symbol,
    DateTimeOffset? Deadline, IReadOnlyList<string>? InvitedStates);

public sealed record UpdateConsultation(string? Introduction, string? Symbol, int Version);

public sealed record ExtendDeadline(DateTimeOffset? Deadline, string? Reason, int Version);

public sealed record AcceptLateSubmission(string? State, DateTimeOffset? Until);

public sealed record AttachmentUpload(string? FileName, string? ContentType, string? ContentBase64);

public sealed record SubmitComments(string? Language, string? Text, IReadOnlyList<AttachmentUpload>? Attachments);

public sealed record SetTranslation(string? Text, string? TranslatedBy);

public sealed record DeadlineChangeView(DateTimeOffset From, DateTimeOffset To, DateTimeOffset ChangedAt, string ChangedBy, string? Reason);

public sealed record SubmissionSummary(Guid Id, string State, string StateName, string OriginalLanguage, DateTimeOffset SubmittedAt, bool Late,
    IReadOnlyDictionary<string, TranslationStatus> Translations);

public sealed record ConsultationView(
    Guid Id, string Title, string Question, string Invitation, string? Introduction, string Language, string? Symbol,
    DateTimeOffset OpenedAt, DateTimeOffset OriginalDeadline, DateTimeOffset Deadline, bool Open, IReadOnlyList<string>? InvitedStates,
    IReadOnlyList<DeadlineChangeView> DeadlineChanges, IReadOnlyList<SubmissionSummary> Submissions, DateTimeOffset? LateAcceptedUntil, int Version);

public sealed record SubmissionVersionView(string Language, TranslationStatus Status, string? Text, string? TranslatedBy, DateTimeOffset? UpdatedAt);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record SubmissionView(
    Guid Id, Guid ConsultationId, string State, string StateName, string OriginalLanguage, DateTimeOffset SubmittedAt, bool Late,
    IReadOnlyList<SubmissionVersionView> Versions, IReadOnlyList<AttachmentView> Attachments, int Version);

/// <summary>
/// Consultations: the secretariat opens them and extends their deadline; each invited State's
/// delegate submits comments (replacing them while the consultation is open); the secretariat
/// accepts late submissions from named States and keeps each language version's translation status.
/// </summary>
public sealed class ConsultationHandlers(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states,
    Entraide.App.Notifications.INotifications notifications)
{
    /// <summary>Tells the delegates of every invited State (all Member States when none are named), in the same save.</summary>
    private void NotifyStates(Consultation c, string kind)
    {
        var invited = string.IsNullOrEmpty(c.InvitedStates)
            ? states.All.Where(s => s.Status == Entraide.Domain.Network.UnStatus.Member).Select(s => s.Iso3)
            : c.InvitedStates.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var closes = c.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var state in invited)
        {
            notifications.Enqueue(new Entraide.App.Notifications.Notification(state, [Entraide.Domain.Trust.Roles.Delegate], kind,
                $"/consultations/{c.Id}", c.Id, false, [c.Title, closes]));
        }
    }

    private Actor Actor => current.Current;

    public async Task<ConsultationView> OpenAsync(OpenConsultation cmd, CancellationToken ct)
    {
        RequireSecretariat();
        var now = clock.GetUtcNow();
        var errors = new List<DomainError>();
        TextRules.Check(cmd.Title, "title", 500, errors, required: true);
        TextRules.Check(cmd.Question, "question", 4000, errors, required: true, multiline: true);
        TextRules.Check(cmd.Invitation, "invitation", SubmissionRules.MaxTextLength, errors, required: true, multiline: true);
        TextRules.Check(cmd.Introduction, "introduction", SubmissionRules.MaxTextLength, errors, multiline: true);
        if (!Languages.IsSupported(cmd.Language)) errors.Add(new DomainError("unsupported-language", "language"));
        TextRules.Check(cmd.Symbol, "symbol", 60, errors);
        if (cmd.Deadline is null) errors.Add(DomainError.Required("deadline"));
        else if (cmd.Deadline <= now) errors.Add(new DomainError("deadline-in-past", "deadline"));
        var invited = cmd.InvitedStates is { Count: > 0 } list ? list.Select(s => (s ?? "").Trim().ToUpperInvariant()).Distinct().ToList() : null;
        if (invited is not null && invited.Any(s => !states.Exists(s))) errors.Add(new DomainError("unknown-state", "invitedStates"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var c = new Consultation
        {
            Id = Guid.CreateVersion7(),
            Title = cmd.Title!.Trim(),
            Question = cmd.Question!.Trim(),
            Invitation = cmd.Invitation!.Trim(),
            Introduction = string.IsNullOrWhiteSpace(cmd.Introduction) ? null : cmd.Introduction.Trim(),
            Language = cmd.Language!,
            Symbol = string.IsNullOrWhiteSpace(cmd.Symbol) ? null : cmd.Symbol.Trim(),
            OpenedAt = now,
            OpenedBy = Actor.DisplayName,
            OriginalDeadline = cmd.Deadline!.Value.ToUniversalTime(),
            Deadline = cmd.Deadline!.Value.ToUniversalTime(),
            InvitedStates = invited is null ? null : string.Join(',', invited),
        };
        audit.Action = "deliberation.consultation.open";
        db.Add(c);
        NotifyStates(c, Entraide.Domain.Notifications.NotificationKinds.ConsultationOpened);
        await db.SaveChangesAsync(ct);
        return await GetAsync(c.Id, ct);
    }

    public async Task<ConsultationView> UpdateAsync(Guid id, UpdateConsultation cmd, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        RequireSecretariat();
        if (cmd.Version != c.Version) throw DomainException.Conflict("concurrent-change");
        var errors = new List<DomainError>();
        TextRules.Check(cmd.Introduction, "introduction", SubmissionRules.MaxTextLength, errors, multiline: true);
        TextRules.Check(cmd.Symbol, "symbol", 60, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        c.Introduction = string.IsNullOrWhiteSpace(cmd.Introduction) ? null : cmd.Introduction.Trim();
        c.Symbol = string.IsNullOrWhiteSpace(cmd.Symbol) ? null : cmd.Symbol.Trim();
        c.Version++;
        audit.Action = "deliberation.consultation.update";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ConsultationView> ExtendAsync(Guid id, ExtendDeadline cmd, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        RequireSecretariat();
        if (cmd.Deadline is null) throw new DomainException(FailureKind.Invalid, DomainError.Required("deadline"));
        TextRules.EnsureClean(cmd.Reason, "reason", multiline: true);
        if (cmd.Version != c.Version) throw DomainException.Conflict("concurrent-change");
        var change = c.Schedule().Extend(cmd.Deadline.Value.ToUniversalTime(), clock.GetUtcNow(), Actor.DisplayName, cmd.Reason);
        if (change.Reason is { Length: > 1000 }) throw DomainException.Invalid("too-long", "reason");
        // The States are told through notifications once that module is in place; the change itself is kept here.
        db.Add(new ConsultationDeadlineChange
        {
            Id = Guid.CreateVersion7(),
            ConsultationId = c.Id,
            From = change.From,
            To = change.To,
            ChangedAt = change.ChangedAt,
            ChangedBy = change.ChangedBy,
            Reason = change.Reason,
        });
        c.Deadline = change.To;
        c.Version++;
        audit.Action = "deliberation.consultation.extend";
        NotifyStates(c, Entraide.Domain.Notifications.NotificationKinds.ConsultationExtended);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ConsultationView> AcceptLateAsync(Guid id, AcceptLateSubmission cmd, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        RequireSecretariat();
        var state = (cmd.State ?? "").Trim().ToUpperInvariant();
        var errors = new List<DomainError>();
        if (state.Length > 3 || !states.Exists(state) || !c.Invites(state)) errors.Add(new DomainError("unknown-state", "state"));
        if (cmd.Until is null) errors.Add(DomainError.Required("until"));
        else if (cmd.Until <= clock.GetUtcNow() || cmd.Until <= c.Deadline) errors.Add(new DomainError("deadline-not-later", "until"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        db.Add(new LateAcceptance
        {
            Id = Guid.CreateVersion7(),
            ConsultationId = c.Id,
            State = state,
            Until = cmd.Until!.Value.ToUniversalTime(),
            GrantedAt = clock.GetUtcNow(),
            GrantedBy = Actor.DisplayName,
        });
        audit.Action = "deliberation.consultation.accept-late";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<SubmissionView> SubmitAsync(Guid id, SubmitComments cmd, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var actor = Actor;
        if (actor.StateCode is null || !actor.Has(Roles.Delegate)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var state = actor.StateCode;

        var files = new List<(AttachmentUpload Upload, byte[] Bytes)>();
        var fileErrors = new List<DomainError>();
        foreach (var a in cmd.Attachments ?? [])
        {
            if (a is null)
            {
                fileErrors.Add(new DomainError("invalid-value", "attachments"));
                continue;
            }
            if (a.ContentType is { } type && (type.Trim().Length > 200 || TextRules.HasForbidden(type)))
                fileErrors.Add(new DomainError("invalid-value", "attachments"));
            try { files.Add((a, Convert.FromBase64String(a.ContentBase64 ?? ""))); }
            catch (FormatException) { fileErrors.Add(new DomainError("invalid-value", "attachments")); }
        }
        if (fileErrors.Count > 0) throw new DomainException(FailureKind.Invalid, fileErrors);
        SubmissionRules.Validate(cmd.Text, cmd.Language, [.. files.Select(f => (f.Upload.FileName ?? "", (long)f.Bytes.Length))]);

        var now = clock.GetUtcNow();
        var lateUntil = await db.Set<LateAcceptance>().Where(l => l.ConsultationId == id && l.State == state)
            .Select(l => (DateTimeOffset?)l.Until).ToListAsync(ct);
        var schedule = c.Schedule();
        schedule.EnsureCanSubmit(now, lateUntil.Count == 0 ? null : lateUntil.Max());

        var s = await db.Set<Submission>().Include(x => x.Texts).Include(x => x.Attachments)
            .SingleOrDefaultAsync(x => x.ConsultationId == id && x.State == state, ct);
        if (s is null)
        {
            s = new Submission { Id = Guid.CreateVersion7(), ConsultationId = id, State = state, OriginalLanguage = cmd.Language!, SubmittedBy = actor.DisplayName };
            db.Add(s);
        }
        else
        {
            // A State may replace its comments until the deadline: the new version replaces the text and the files
            // whole, and translations of the earlier text no longer hold.
            s.Version++;
            db.RemoveRange(s.Attachments);
            s.Attachments.Clear();
        }
        s.OriginalLanguage = cmd.Language!;
        s.SubmittedAt = now;
        s.SubmittedBy = actor.DisplayName;
        s.Late = !schedule.IsOpenAt(now);
        foreach (var lang in Languages.All)
        {
            var original = lang == s.OriginalLanguage;
            var t = s.Texts.FirstOrDefault(x => x.Language == lang);
            if (t is null)
            {
                t = new SubmissionText { SubmissionId = s.Id, Language = lang, State = state };
                s.Texts.Add(t);
            }
            t.Text = original ? cmd.Text!.Trim() : null;
            t.Status = original ? TranslationStatus.Original : TranslationStatus.AwaitingTranslation;
            t.TranslatedBy = null;
            t.UpdatedAt = original ? now : null;
        }
        foreach (var (upload, bytes) in files)
        {
            // Added explicitly: its key is set, so found through the navigation it would be taken for a stored row.
            db.Add(new SubmissionAttachment
            {
                Id = Guid.CreateVersion7(),
                SubmissionId = s.Id,
                State = state,
                FileName = upload.FileName!.Trim(),
                ContentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType.Trim(),
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Content = bytes,
            });
        }
        audit.Action = "deliberation.submission.submit";
        await db.SaveChangesAsync(ct);
        return await GetSubmissionAsync(id, s.Id, ct);
    }

    public async Task<SubmissionView> SetTranslationAsync(Guid id, Guid submissionId, string language, SetTranslation cmd, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireSecretariat();
        if (!Languages.IsSupported(language)) throw DomainException.Invalid("unsupported-language", "lang");
        var text = await db.Set<SubmissionText>().Join(db.Set<Submission>().Where(s => s.ConsultationId == id && s.Id == submissionId),
                t => t.SubmissionId, s => s.Id, (t, s) => t)
            .SingleOrDefaultAsync(t => t.Language == language, ct) ?? throw DomainException.NotFound("submission");
        if (text.Status == TranslationStatus.Original) throw DomainException.Conflict("original-not-translatable");
        var errors = new List<DomainError>();
        TextRules.Check(cmd.Text, "text", SubmissionRules.MaxTextLength, errors, multiline: true);
        TextRules.Check(cmd.TranslatedBy, "translatedBy", 200, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (string.IsNullOrWhiteSpace(cmd.Text))
        {
            text.Text = null;
            text.Status = TranslationStatus.AwaitingTranslation;
            text.TranslatedBy = null;
        }
        else
        {
            text.Text = cmd.Text.Trim();
            text.Status = TranslationStatus.Translated;
            text.TranslatedBy = string.IsNullOrWhiteSpace(cmd.TranslatedBy) ? Actor.DisplayName : cmd.TranslatedBy.Trim();
        }
        text.UpdatedAt = clock.GetUtcNow();
        audit.Action = "deliberation.submission.translate";
        await db.SaveChangesAsync(ct);
        return await GetSubmissionAsync(id, submissionId, ct);
    }

    public async Task<IReadOnlyList<ConsultationView>> ListAsync(CancellationToken ct)
    {
        var actor = Actor;
        var all = await db.Set<Consultation>().AsNoTracking().Include(c => c.DeadlineChanges).OrderByDescending(c => c.OpenedAt).Take(500).ToListAsync(ct);
        var visible = all.Where(c => actor.IsSecretariat || actor.PartyOf(ConsultationAccess.PartiesOf(c, states)) is not null).ToList();
        var result = new List<ConsultationView>(visible.Count);
        foreach (var c in visible) result.Add(await ViewAsync(c, ct));
        return result;
    }

    public async Task<ConsultationView> GetAsync(Guid id, CancellationToken ct) => await ViewAsync(await LoadAsync(id, ct, tracking: false), ct);

    public async Task<SubmissionView> GetSubmissionAsync(Guid id, Guid submissionId, CancellationToken ct)
    {
        await LoadAsync(id, ct, tracking: false);
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Texts).Include(x => x.Attachments)
            .SingleOrDefaultAsync(x => x.Id == submissionId && x.ConsultationId == id, ct) ?? throw DomainException.NotFound("submission");
        Actor.EnsureCanSee(s.State);
        return View(s);
    }

    public async Task<SubmissionView?> GetOwnSubmissionAsync(Guid id, CancellationToken ct)
    {
        var state = Actor.StateCode;
        if (state is null) return null;
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Texts).Include(x => x.Attachments)
            .SingleOrDefaultAsync(x => x.ConsultationId == id && x.State == state, ct);
        return s is null ? null : View(s);
    }

    public async Task<SubmissionAttachment> GetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        await LoadAsync(id, ct, tracking: false);
        var a = await db.Set<SubmissionAttachment>().AsNoTracking()
            .Join(db.Set<Submission>().Where(s => s.ConsultationId == id), a => a.SubmissionId, s => s.Id, (a, s) => a)
            .SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw DomainException.NotFound("attachment");
        Actor.EnsureCanSee(a.State);
        return a;
    }

    /// <summary>The compilation in <paramref name="language"/>, dated today: sections in that language's collation order.</summary>
    public async Task<CompiledDocument> CompileAsync(Guid id, string language, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct, tracking: false);
        RequireSecretariat();
        var subs = await db.Set<Submission>().AsNoTracking().Include(s => s.Texts).Where(s => s.ConsultationId == id).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Compiler.Compile(states, language, c.Title, c.Symbol, today, c.Introduction,
            subs.Select(s => new SubmissionForCompilation(s.State, s.OriginalLanguage, DateOnly.FromDateTime(s.SubmittedAt.UtcDateTime),
                [.. s.Texts.Select(t => new SubmissionVersion(t.Language, t.Status, t.Text, t.TranslatedBy))])));
    }

    private void RequireSecretariat()
    {
        if (!Actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }

    /// <summary>A consultation exists for the secretariat and for the States it invites; for anyone else it does not.</summary>
    private async Task<Consultation> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = db.Set<Consultation>().Include(c => c.DeadlineChanges).AsQueryable();
        if (!tracking) q = q.AsNoTracking();
        var c = await q.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("consultation");
        if (!Actor.IsSecretariat && Actor.PartyOf(ConsultationAccess.PartiesOf(c, states)) is null) throw DomainException.NotFound("consultation");
        return c;
    }

    private async Task<ConsultationView> ViewAsync(Consultation c, CancellationToken ct)
    {
        var actor = Actor;
        var q = db.Set<Submission>().AsNoTracking().Include(s => s.Texts).Where(s => s.ConsultationId == c.Id);
        if (!actor.IsSecretariat) q = q.Where(s => s.State == actor.StateCode);
        var subs = await q.ToListAsync(ct);
        var lang = Localization();
        DateTimeOffset? lateUntil = null;
        if (actor.StateCode is { } st)
        {
            var l = await db.Set<LateAcceptance>().AsNoTracking().Where(x => x.ConsultationId == c.Id && x.State == st).Select(x => x.Until).ToListAsync(ct);
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
        s.Id, s.ConsultationId, s.State, states.ListName(s.State, Localization()), s.OriginalLanguage, s.SubmittedAt, s.Late,
        [.. Languages.All.Select(l => s.Texts.FirstOrDefault(t => t.Language == l) is { } t
            ? new SubmissionVersionView(l, t.Status, t.Text, t.TranslatedBy, t.UpdatedAt)
            : new SubmissionVersionView(l, TranslationStatus.AwaitingTranslation, null, null, null))],
        [.. s.Attachments.OrderBy(a => a.FileName, StringComparer.Ordinal).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256))],
        s.Version);

    private static string Localization() => Infrastructure.Localization.CultureCookie.Current;
}
