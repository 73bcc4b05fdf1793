using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Csv;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation;

public sealed record CreateVote(
    Guid? DraftId, string? DraftSymbol, string? Body, string? AmendmentSymbol, string? ParagraphKind, int? ParagraphNumber,
    DateOnly? Date, string? Method, string? Majority);

public sealed record RecordBallots(IReadOnlyDictionary<string, string>? Ballots, int Version);

public sealed record AddFootnote(string? State, string? Intended, DateOnly? StatedOn);

public sealed record BallotView(string State, string Name, VoteChoice Choice);

public sealed record FootnoteView(string State, string Name, VoteChoice Intended, VoteChoice? Recorded, DateOnly StatedOn);

public sealed record VoteView(
    Guid Id, Guid? DraftId, string Body, string DraftSymbol, string? AmendmentSymbol, ParagraphKind? ParagraphKind, int? ParagraphNumber,
    DateOnly Date, VoteMethod Method, RequiredMajority Majority, VoteStatus Status, VoteOutcome? Outcome, Tally Tally,
    IReadOnlyList<BallotView> Ballots, IReadOnlyList<FootnoteView> Footnotes, DateTimeOffset? ClosedAt, int Version);

/// <summary>
/// Recorded votes: the secretariat opens a vote, enters or imports the ballots while it is open and
/// closes it; from then the ballots never change. A State that later says it meant to vote otherwise
/// gets a footnote. Closed votes are public records.
/// </summary>
public sealed class VoteHandlers(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
{
    private Actor Actor => current.Current;

    public async Task<VoteView> CreateAsync(CreateVote cmd, CancellationToken ct)
    {
        RequireSecretariat();
        var errors = new List<DomainError>();
        DraftResolution? draft = null;
        string symbol;
        if (cmd.DraftId is { } draftId)
        {
            draft = await db.Set<DraftResolution>().Include(d => d.Sponsors).SingleOrDefaultAsync(d => d.Id == draftId, ct);
            if (draft is null) throw DomainException.Invalid("unknown-draft", "draftId");
            if (draft.Status != DraftStatus.Issued) throw DomainException.Conflict("draft-not-issued");
            symbol = draft.CurrentSymbol!;
        }
        else
        {
            symbol = (cmd.DraftSymbol ?? "").Trim();
            var baseSymbol = System.Text.RegularExpressions.Regex.Replace(symbol, @"/Rev\.\d+$", "");
            if (!DraftSymbol.IsValidBase(baseSymbol)) errors.Add(new DomainError("invalid-symbol", "draftSymbol"));
        }
        var body = string.IsNullOrWhiteSpace(cmd.Body) ? DraftSymbol.BodyOf(symbol) : cmd.Body.Trim();
        if (symbol.Length > 60) errors.Add(TextRules.TooLong("draftSymbol", 60));
        if (body is not ("GA" or "AC") && !(body.Length == 3 && body.StartsWith("C.", StringComparison.Ordinal) && body[2] is >= '1' and <= '6'))
            errors.Add(new DomainError("invalid-value", "body"));
        var amendmentText = TextRules.Check(cmd.AmendmentSymbol, "amendmentSymbol", 60, errors);
        var amendment = amendmentText.Length == 0 ? null : amendmentText;
        ParagraphKind? pkind = null;
        if (!string.IsNullOrWhiteSpace(cmd.ParagraphKind) || cmd.ParagraphNumber is not null)
        {
            pkind = (cmd.ParagraphKind ?? "").Trim().ToLowerInvariant() switch
            {
                "preambular" => ParagraphKind.Preambular,
                "operative" => ParagraphKind.Operative,
                _ => null,
            };
            if (pkind is null) errors.Add(new DomainError("invalid-paragraph-kind", "paragraphKind"));
            if (cmd.ParagraphNumber is not (>= 1 and <= 500)) errors.Add(new DomainError("invalid-value", "paragraphNumber"));
            if (amendment is not null) errors.Add(new DomainError("amendment-or-paragraph", "paragraphKind"));
        }
        var method = (cmd.Method ?? "recorded").Trim().ToLowerInvariant() switch
        {
            "recorded" => VoteMethod.Recorded,
            "without-vote" or "withoutvote" => VoteMethod.WithoutVote,
            _ => (VoteMethod?)null,
        };
        if (method is null) errors.Add(new DomainError("invalid-value", "method"));
        var majority = (cmd.Majority ?? "simple").Trim().ToLowerInvariant() switch
        {
            "simple" => RequiredMajority.Simple,
            "two-thirds" or "twothirds" => RequiredMajority.TwoThirds,
            _ => (RequiredMajority?)null,
        };
        if (majority is null) errors.Add(new DomainError("invalid-value", "majority"));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var date = cmd.Date ?? today;
        if (date > today) errors.Add(new DomainError("date-in-future", "date"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var now = clock.GetUtcNow();
        var v = new Vote
        {
            Id = Guid.CreateVersion7(),
            DraftId = draft?.Id,
            Body = body,
            DraftSymbol = symbol,
            AmendmentSymbol = amendment,
            ParagraphKind = pkind,
            ParagraphNumber = pkind is null ? null : cmd.ParagraphNumber,
            Date = date,
            Method = method!.Value,
            Majority = majority!.Value,
            Status = VoteStatus.Open,
            CreatedAt = now,
            CreatedBy = Actor.DisplayName,
        };
        if (v.Method == VoteMethod.WithoutVote)
        {
            // Adoption without a vote has no ballots to wait for: it is a closed record from the start.
            v.Status = VoteStatus.Closed;
            v.Outcome = VoteOutcome.Adopted;
            v.ClosedAt = now;
            v.ClosedBy = Actor.DisplayName;
            if (draft is not null && IsOnWholeDraft(v)) DraftHandlers.Decide(draft, VoteOutcome.Adopted);
        }
        audit.Action = "deliberation.vote.create";
        db.Add(v);
        await db.SaveChangesAsync(ct);
        return await GetAsync(v.Id, ct);
    }

    public async Task<VoteView> RecordBallotsAsync(Guid id, RecordBallots cmd, CancellationToken ct)
    {
        var v = await LoadAsync(id, ct);
        RequireSecretariat();
        EnsureOpen(v);
        if (cmd.Version != v.Version) throw DomainException.Conflict("concurrent-change");
        if (cmd.Ballots is null || cmd.Ballots.Count == 0) throw DomainException.Invalid("no-ballots", "ballots");
        var parsed = new Dictionary<string, VoteChoice>(StringComparer.Ordinal);
        var errors = new List<DomainError>();
        foreach (var (code, choice) in cmd.Ballots)
        {
            try { parsed[code.Trim().ToUpperInvariant()] = BallotRules.ValidateBallot(states, code.Trim().ToUpperInvariant(), choice); }
            catch (DomainException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        Apply(v, parsed, replaceAll: false);
        audit.Action = "deliberation.vote.ballots";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Replaces every ballot with those of an imported file (ISO3 codes with their votes).</summary>
    public async Task<VoteView> ImportBallotsAsync(Guid id, string content, int version, CancellationToken ct)
    {
        var v = await LoadAsync(id, ct);
        RequireSecretariat();
        EnsureOpen(v);
        if (version != v.Version) throw DomainException.Conflict("concurrent-change");
        if (content.Length > 100_000) throw DomainException.Invalid("too-long", "ballots");
        var parsed = BallotRules.Import(states, CsvFiles.ReadRows(new StringReader(content)));
        Apply(v, parsed, replaceAll: true);
        audit.Action = "deliberation.vote.import";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<VoteView> CloseAsync(Guid id, int version, CancellationToken ct)
    {
        var v = await LoadAsync(id, ct);
        RequireSecretariat();
        EnsureOpen(v);
        if (version != v.Version) throw DomainException.Conflict("concurrent-change");
        if (v.Ballots.Count == 0) throw DomainException.Conflict("no-ballots");
        var tally = Tally.Of(v.Ballots.Select(b => b.Choice));
        v.Yes = tally.Yes;
        v.No = tally.No;
        v.Abstain = tally.Abstain;
        v.NonParticipating = tally.NonParticipating;
        v.Outcome = tally.Outcome(v.Majority);
        v.Status = VoteStatus.Closed;
        v.ClosedAt = clock.GetUtcNow();
        v.ClosedBy = Actor.DisplayName;
        v.Version++;
        if (v.DraftId is { } draftId && IsOnWholeDraft(v))
        {
            var draft = await db.Set<DraftResolution>().SingleAsync(d => d.Id == draftId, ct);
            if (draft.Status == DraftStatus.Issued) DraftHandlers.Decide(draft, v.Outcome.Value);
        }
        audit.Action = "deliberation.vote.close";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<VoteView> AddFootnoteAsync(Guid id, AddFootnote cmd, CancellationToken ct)
    {
        var v = await LoadAsync(id, ct);
        RequireSecretariat();
        if (v.Status != VoteStatus.Closed || v.Method != VoteMethod.Recorded) throw DomainException.Conflict("vote-not-closed");
        var state = (cmd.State ?? "").Trim().ToUpperInvariant();
        var intended = BallotRules.ValidateBallot(states, state, cmd.Intended);
        var recorded = v.Ballots.FirstOrDefault(b => b.State == state)?.Choice;
        if (recorded == intended) throw DomainException.Invalid("footnote-same-as-ballot", "intended");
        if (v.Footnotes.Any(f => f.State == state)) throw DomainException.Conflict("footnote-exists");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var on = cmd.StatedOn ?? today;
        if (on < v.Date || on > today) throw DomainException.Invalid("invalid-value", "statedOn");
        db.Add(new VoteFootnote { Id = Guid.CreateVersion7(), VoteId = v.Id, State = state, Intended = intended, StatedOn = on, RecordedAt = clock.GetUtcNow(), RecordedBy = Actor.DisplayName });
        audit.Action = "deliberation.vote.footnote";
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<VoteView> GetAsync(Guid id, CancellationToken ct) => View(await LoadAsync(id, ct, tracking: false));

    public async Task<IReadOnlyList<VoteView>> ListAsync(Guid? draftId, CancellationToken ct)
    {
        var q = db.Set<Vote>().AsNoTracking().Include(v => v.Ballots).Include(v => v.Footnotes).AsSplitQuery().AsQueryable();
        if (!Actor.IsSecretariat) q = q.Where(v => v.Status == VoteStatus.Closed);
        if (draftId is { } d) q = q.Where(v => v.DraftId == d);
        var list = await q.OrderByDescending(v => v.Date).ThenByDescending(v => v.CreatedAt).Take(500).ToListAsync(ct);
        return [.. list.Select(View)];
    }

    public async Task<VoteReportText> ReportAsync(Guid id, string language, CancellationToken ct)
    {
        var v = await LoadAsync(id, ct, tracking: false);
        return Report(v, language);
    }

    internal VoteReportText Report(Vote v, string language) =>
        VoteReport.Write(states, language, v.Subject, v.Method, v.Majority, v.Date,
            v.Ballots.ToDictionary(b => b.State, b => b.Choice),
            [.. v.Footnotes.Select(f => new VoteFootnoteEntry(f.State, f.Intended, f.StatedOn))]);

    internal async Task<Vote> LoadForExportAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct, tracking: false);

    private static bool IsOnWholeDraft(Vote v) => v.AmendmentSymbol is null && v.ParagraphNumber is null;

    private void Apply(Vote v, IReadOnlyDictionary<string, VoteChoice> ballots, bool replaceAll)
    {
        if (replaceAll)
        {
            foreach (var b in v.Ballots.Where(b => !ballots.ContainsKey(b.State)).ToList())
            {
                v.Ballots.Remove(b);
                db.Remove(b);
            }
        }
        foreach (var (state, choice) in ballots)
        {
            var existing = v.Ballots.FirstOrDefault(b => b.State == state);
            if (existing is null)
            {
                var b = new Ballot { VoteId = v.Id, State = state, Choice = choice };
                v.Ballots.Add(b);
                db.Add(b);
            }
            else existing.Choice = choice;
        }
        v.Version++;
    }

    private static void EnsureOpen(Vote v)
    {
        if (v.Status == VoteStatus.Closed) throw DomainException.Conflict("vote-closed");
    }

    private void RequireSecretariat()
    {
        if (!Actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }

    /// <summary>An open vote is the secretariat's working record; the public sees a vote once it is closed.</summary>
    private async Task<Vote> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = db.Set<Vote>().Include(v => v.Ballots).Include(v => v.Footnotes).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        var v = await q.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw DomainException.NotFound("vote");
        if (v.Status != VoteStatus.Closed && !Actor.IsSecretariat) throw DomainException.NotFound("vote");
        return v;
    }

    private VoteView View(Vote v)
    {
        var lang = Infrastructure.Localization.CultureCookie.Current;
        var comparer = Collation.For(lang);
        var tally = v.Status == VoteStatus.Closed ? new Tally(v.Yes, v.No, v.Abstain, v.NonParticipating) : Tally.Of(v.Ballots.Select(b => b.Choice));
        var byState = v.Ballots.ToDictionary(b => b.State, b => b.Choice);
        return new VoteView(v.Id, v.DraftId, v.Body, v.DraftSymbol, v.AmendmentSymbol, v.ParagraphKind, v.ParagraphNumber, v.Date, v.Method, v.Majority,
            v.Status, v.Outcome, tally,
            [.. v.Ballots.Select(b => new BallotView(b.State, states.ListName(b.State, lang, v.Date), b.Choice)).OrderBy(b => b.Name, comparer)],
            [.. v.Footnotes.OrderBy(f => f.StatedOn).Select(f => new FootnoteView(f.State, states.ListName(f.State, lang, v.Date), f.Intended,
                byState.TryGetValue(f.State, out var c) ? c : null, f.StatedOn))],
            v.ClosedAt, v.Version);
    }
}
