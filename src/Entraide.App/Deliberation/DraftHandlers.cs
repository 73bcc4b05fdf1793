using System.Text.Json;
using System.Text.Json.Serialization;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation;

public sealed record ParagraphInput(string? Kind, string? Text);

public sealed record CreateDraft(
    string? Title, string? AgendaItem, string? Language, IReadOnlyList<ParagraphInput>? Paragraphs, string? BudgetImplications,
    IReadOnlyList<string>? MainSponsors);

public sealed record ReviseDraft(string? Title, IReadOnlyList<ParagraphInput>? Paragraphs, string? BudgetImplications, int Version);

public sealed record IssueDraft(string? Symbol, int Version);

public sealed record AddSponsor(string? State, DateOnly? JoinedOn);

public sealed record SponsorView(string State, string Name, SponsorKind Kind, DateOnly JoinedOn);

public sealed record ParagraphView(ParagraphKind Kind, string Text, IReadOnlyList<string> Warnings);

public sealed record RevisionView(int Number, string? Symbol, string Title, string? BudgetImplications, DateTimeOffset CreatedAt, string CreatedBy,
    IReadOnlyList<ParagraphView> Paragraphs);

public sealed record DraftView(
    Guid Id, string? Symbol, string? BaseSymbol, string Title, string? AgendaItem, string Language, DraftStatus Status, int CurrentRevision,
    string? OwnerState, DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt, IReadOnlyList<SponsorView> MainSponsors, IReadOnlyList<SponsorView> CoSponsors,
    RevisionView Revision, IReadOnlyList<int> Revisions, int Version);

public sealed record DiffView(int From, int To, string? FromSymbol, string? ToSymbol, IReadOnlyList<ParagraphChange> Changes);

/// <summary>
/// Draft resolutions: a delegate starts one for its State (or the secretariat enters one for its
/// main sponsors); every change of text is a new revision, kept whole; the secretariat issues it under
/// its symbol, after which it is public and other States co-sponsor it (with the date they joined).
/// </summary>
public sealed class DraftHandlers(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private Actor Actor => current.Current;

    public async Task<DraftView> CreateAsync(CreateDraft cmd, CancellationToken ct)
    {
        var actor = Actor;
        if (!actor.IsSecretariat && (actor.StateCode is null || !actor.Has(Roles.Delegate))) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var paragraphs = Parse(cmd.Paragraphs);
        DraftRules.Validate(cmd.Title, cmd.AgendaItem, cmd.Language, paragraphs, cmd.BudgetImplications);
        var sponsors = (cmd.MainSponsors ?? []).Select(s => (s ?? "").Trim().ToUpperInvariant()).ToList();
        if (!actor.IsSecretariat)
        {
            // A delegate starts a draft for its own State: other States become main sponsors through /sponsors,
            // recorded by the secretariat, never by being named here.
            if (sponsors.Any(s => s != actor.StateCode)) throw DomainException.Invalid("own-state-only", "mainSponsors");
            sponsors.Clear();
        }
        if (actor.StateCode is { } own) sponsors.Insert(0, own);
        sponsors = [.. sponsors.Distinct()];
        if (sponsors.Count == 0) throw new DomainException(FailureKind.Invalid, DomainError.Required("mainSponsors"));
        if (sponsors.Any(s => !states.TryGet(s, out var info) || info.Status != UnStatus.Member)) throw DomainException.Invalid("unknown-state", "mainSponsors");

        var now = clock.GetUtcNow();
        var d = new DraftResolution
        {
            Id = Guid.CreateVersion7(),
            OwnerState = actor.StateCode,
            Title = cmd.Title!.Trim(),
            AgendaItem = string.IsNullOrWhiteSpace(cmd.AgendaItem) ? null : cmd.AgendaItem.Trim(),
            Language = cmd.Language!,
            Status = DraftStatus.Working,
            CreatedAt = now,
            CreatedBy = actor.DisplayName,
        };
        d.Revisions.Add(Revision(d, 0, d.Title, cmd.BudgetImplications, paragraphs, now));
        foreach (var s in sponsors)
            d.Sponsors.Add(new DraftSponsor { DraftId = d.Id, State = s, Kind = SponsorKind.Main, JoinedOn = DateOnly.FromDateTime(now.UtcDateTime), RecordedAt = now, RecordedBy = actor.DisplayName });
        audit.Action = "deliberation.draft.create";
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return await GetAsync(d.Id, null, ct);
    }

    public async Task<DraftView> ReviseAsync(Guid id, ReviseDraft cmd, CancellationToken ct)
    {
        var d = await LoadAsync(id, ct);
        EnsureCanEdit(d);
        if (d.Status is DraftStatus.Adopted or DraftStatus.Rejected) throw DomainException.Conflict("draft-decided");
        if (cmd.Version != d.Version) throw DomainException.Conflict("concurrent-change");
        var paragraphs = Parse(cmd.Paragraphs);
        var title = string.IsNullOrWhiteSpace(cmd.Title) ? d.Title : cmd.Title;
        DraftRules.Validate(title, d.AgendaItem, d.Language, paragraphs, cmd.BudgetImplications);
        var now = clock.GetUtcNow();
        d.CurrentRevision++;
        d.Title = title.Trim();
        d.Version++;
        db.Add(Revision(d, d.CurrentRevision, d.Title, cmd.BudgetImplications, paragraphs, now));
        audit.Action = "deliberation.draft.revise";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, null, ct);
    }

    public async Task<DraftView> IssueAsync(Guid id, IssueDraft cmd, CancellationToken ct)
    {
        var d = await LoadAsync(id, ct);
        if (!Actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (d.Status != DraftStatus.Working) throw DomainException.Conflict("draft-already-issued");
        if (cmd.Version != d.Version) throw DomainException.Conflict("concurrent-change");
        TextRules.EnsureClean(cmd.Symbol, "symbol");
        var symbol = DraftSymbol.Normalise(cmd.Symbol);
        if (!DraftSymbol.IsValidBase(symbol)) throw DomainException.Invalid("invalid-symbol", "symbol");
        if (await db.Set<DraftResolution>().AnyAsync(x => x.Symbol == symbol, ct)) throw DomainException.Conflict("symbol-taken");
        d.Symbol = symbol;
        // Texts prepared before issue carry no symbol; the one issued is the original, later ones are Rev.1, Rev.2…
        d.IssuedRevision = d.CurrentRevision;
        d.Status = DraftStatus.Issued;
        d.IssuedAt = clock.GetUtcNow();
        d.Version++;
        audit.Action = "deliberation.draft.issue";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, null, ct);
    }

    public async Task<DraftView> AddSponsorAsync(Guid id, AddSponsor cmd, CancellationToken ct)
    {
        var d = await LoadAsync(id, ct);
        var actor = Actor;
        string state;
        TextRules.EnsureClean(cmd.State, "state");
        if (actor.IsSecretariat) state = (cmd.State ?? "").Trim().ToUpperInvariant();
        else if (actor.Has(Roles.Delegate) && actor.StateCode is { } own)
        {
            // A delegate speaks for its own State only.
            state = own;
            if (cmd.State is { Length: > 0 } asked && !string.Equals(asked.Trim(), own, StringComparison.OrdinalIgnoreCase))
                throw DomainException.Invalid("own-state-only", "state");
        }
        else throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (!states.TryGet(state, out var info) || info.Status != UnStatus.Member) throw DomainException.Invalid("unknown-state", "state");
        if (d.Status is DraftStatus.Adopted or DraftStatus.Rejected) throw DomainException.Conflict("draft-decided");
        if (d.Sponsors.Any(s => s.State == state)) throw DomainException.Conflict("already-sponsor");
        var kind = d.Status == DraftStatus.Working ? SponsorKind.Main : SponsorKind.CoSponsor;
        if (kind == SponsorKind.Main && !actor.IsSecretariat && !actor.BelongsTo(d.OwnerState)) throw DomainException.NotFound("draft");
        var now = clock.GetUtcNow();
        var joined = cmd.JoinedOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (joined > DateOnly.FromDateTime(now.UtcDateTime)) throw DomainException.Invalid("date-in-future", "joinedOn");
        db.Add(new DraftSponsor { DraftId = d.Id, State = state, Kind = kind, JoinedOn = joined, RecordedAt = now, RecordedBy = actor.DisplayName });
        d.Version++;
        audit.Action = "deliberation.draft.sponsor";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, null, ct);
    }

    public async Task<DraftView> GetAsync(Guid id, int? revision, CancellationToken ct)
    {
        var d = await LoadAsync(id, ct, tracking: false);
        var first = DraftAccess.FirstVisibleRevision(Actor, d);
        DraftAccess.EnsureVisible(revision, first);
        return View(d, revision, first);
    }

    /// <summary>Adopted and issued texts are public documents: anyone may read them.</summary>
    public async Task<DraftView> GetPublicAsync(Guid id, int? revision, CancellationToken ct)
    {
        var d = await Query(tracking: false).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || d.Status == DraftStatus.Working) throw DomainException.NotFound("draft");
        var first = DraftAccess.FirstPublicRevision(d);
        DraftAccess.EnsureVisible(revision, first);
        return View(d, revision, first);
    }

    public async Task<IReadOnlyList<DraftView>> ListAsync(bool publicOnly, DraftStatus? status, CancellationToken ct)
    {
        var actor = Actor;
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

    public async Task<DiffView> DiffAsync(Guid id, int? from, int? to, bool publicOnly, CancellationToken ct)
    {
        var d = publicOnly ? await Query(tracking: false).SingleOrDefaultAsync(x => x.Id == id && x.Status != DraftStatus.Working, ct) ?? throw DomainException.NotFound("draft")
            : await LoadAsync(id, ct, tracking: false);
        var first = publicOnly ? DraftAccess.FirstPublicRevision(d) : DraftAccess.FirstVisibleRevision(Actor, d);
        var t = to ?? d.CurrentRevision;
        var f = from ?? Math.Max(first, t - 1);
        DraftAccess.EnsureVisible(f, first);
        DraftAccess.EnsureVisible(t, first);
        var a = d.Revisions.SingleOrDefault(r => r.Number == f) ?? throw DomainException.Invalid("unknown-revision", "from");
        var b = d.Revisions.SingleOrDefault(r => r.Number == t) ?? throw DomainException.Invalid("unknown-revision", "to");
        return new DiffView(f, t, d.SymbolOf(f), d.SymbolOf(t),
            ParagraphDiff.Compare(Paragraphs(a), Paragraphs(b)));
    }

    /// <summary>The draft and the revision to export (the current one by default), when the caller may read that revision.</summary>
    internal async Task<(DraftResolution Draft, DraftRevision Revision)> LoadForExportAsync(Guid id, int? revision, bool publicOnly, CancellationToken ct)
    {
        var d = publicOnly
            ? await Query(tracking: false).SingleOrDefaultAsync(x => x.Id == id && x.Status != DraftStatus.Working, ct) ?? throw DomainException.NotFound("draft")
            : await LoadAsync(id, ct, tracking: false);
        DraftAccess.EnsureVisible(revision, publicOnly ? DraftAccess.FirstPublicRevision(d) : DraftAccess.FirstVisibleRevision(Actor, d));
        var r = d.Revisions.SingleOrDefault(x => x.Number == (revision ?? d.CurrentRevision)) ?? throw DomainException.Invalid("unknown-revision", "revision");
        return (d, r);
    }

    /// <summary>Sets the draft's outcome when the vote on it as a whole is closed (called by the vote handler in the same save).</summary>
    internal static void Decide(DraftResolution d, VoteOutcome outcome)
    {
        d.Status = outcome == VoteOutcome.Adopted ? DraftStatus.Adopted : DraftStatus.Rejected;
        d.Version++;
    }

    public static IReadOnlyList<Paragraph> Paragraphs(DraftRevision r) =>
        JsonSerializer.Deserialize<List<Paragraph>>(r.ParagraphsJson, Json) ?? [];

    private IQueryable<DraftResolution> Query(bool tracking)
    {
        var q = db.Set<DraftResolution>().Include(d => d.Revisions).Include(d => d.Sponsors).AsSplitQuery();
        return tracking ? q : q.AsNoTracking();
    }

    /// <summary>A draft in preparation exists only for its sponsors and the secretariat.</summary>
    private async Task<DraftResolution> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var d = await Query(tracking).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("draft");
        if (!DraftAccess.CanSee(Actor, d)) throw DomainException.NotFound("draft");
        return d;
    }

    private void EnsureCanEdit(DraftResolution d)
    {
        if (DraftAccess.CanEdit(Actor, d)) return;
        if (d.Status == DraftStatus.Working) throw DomainException.NotFound("draft");
        throw new DomainException(FailureKind.Forbidden, "forbidden");
    }

    private static List<Paragraph> Parse(IReadOnlyList<ParagraphInput>? input)
    {
        var list = new List<Paragraph>();
        foreach (var p in input ?? [])
        {
            if (p is null) throw DomainException.Invalid("invalid-value", "paragraphs");
            var kind = (p.Kind ?? "").Trim().ToLowerInvariant() switch
            {
                "preambular" or "preamble" => ParagraphKind.Preambular,
                "operative" => ParagraphKind.Operative,
                _ => throw DomainException.Invalid("invalid-paragraph-kind", "paragraphs"),
            };
            list.Add(new Paragraph(kind, (p.Text ?? "").Trim()));
        }
        return list;
    }

    private DraftRevision Revision(DraftResolution d, int number, string title, string? budget, IReadOnlyList<Paragraph> paragraphs, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        DraftId = d.Id,
        Number = number,
        OwnerState = d.OwnerState,
        Title = title,
        BudgetImplications = string.IsNullOrWhiteSpace(budget) ? null : budget.Trim(),
        ParagraphsJson = JsonSerializer.Serialize(paragraphs, Json),
        CreatedAt = now,
        CreatedBy = Actor.DisplayName,
    };

    private DraftView View(DraftResolution d, int? revision, int firstVisible)
    {
        var lang = Infrastructure.Localization.CultureCookie.Current;
        var number = revision ?? d.CurrentRevision;
        var r = d.Revisions.SingleOrDefault(x => x.Number == number) ?? throw DomainException.Invalid("unknown-revision", "revision");
        var paragraphs = Paragraphs(r);
        var warnings = ParagraphChecks.Check(paragraphs, d.Language);
        var comparer = Collation.For(lang);
        SponsorView S(DraftSponsor s) => new(s.State, states.ListName(s.State, lang), s.Kind, s.JoinedOn);
        return new DraftView(d.Id, d.SymbolOf(number), d.Symbol, d.Title, d.AgendaItem, d.Language, d.Status,
            d.CurrentRevision, d.OwnerState, d.CreatedAt, d.IssuedAt,
            [.. d.Sponsors.Where(s => s.Kind == SponsorKind.Main).Select(S).OrderBy(s => s.Name, comparer)],
            [.. d.Sponsors.Where(s => s.Kind == SponsorKind.CoSponsor).OrderBy(s => s.JoinedOn).Select(S).OrderBy(s => s.JoinedOn).ThenBy(s => s.Name, comparer)],
            new RevisionView(r.Number, d.SymbolOf(r.Number), r.Title, r.BudgetImplications, r.CreatedAt, r.CreatedBy,
                [.. paragraphs.Select((p, i) => new ParagraphView(p.Kind, p.Text, [.. warnings.Where(w => w.Index == i).Select(w => w.Code)]))]),
            [.. d.Revisions.Select(x => x.Number).Where(n => n >= firstVisible).Order()], d.Version);
    }
}
