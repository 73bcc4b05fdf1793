using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Deliberation;

[JsonConverter(typeof(KebabEnum<VoteStatus>))]
public enum VoteStatus
{
    Open,
    Closed,
}

/// <summary>What the secretariat puts to the vote, as typed; <see cref="Vote.Open"/> checks it.</summary>
/// <param name="DraftSymbol">The symbol voted on when no draft recorded here is named.</param>
public sealed record VoteMotion(
    string? DraftSymbol, string? Body, string? AmendmentSymbol, string? ParagraphKind, int? ParagraphNumber, DateOnly? Date, string? Method,
    string? Majority);

/// <summary>
/// A vote on a draft, an amendment or a paragraph; recorded (with ballots) or without a vote. The
/// secretariat enters or imports the ballots while it is open and closes it; from then the ballots never
/// change. A State that later says it meant to vote otherwise gets a footnote. Closed votes are public.
/// </summary>
public sealed partial class Vote : IStateOwned
{
    private readonly List<Ballot> _ballots = [];
    private readonly List<VoteFootnote> _footnotes = [];

    private Vote()
    {
    }

    public Guid Id { get; private set; }
    public Guid? DraftId { get; private set; }
    public string Body { get; private set; } = "";
    public string DraftSymbol { get; private set; } = "";
    public string? AmendmentSymbol { get; private set; }
    public ParagraphKind? ParagraphKind { get; private set; }
    public int? ParagraphNumber { get; private set; }
    public DateOnly Date { get; private set; }
    public VoteMethod Method { get; private set; }
    public RequiredMajority Majority { get; private set; }
    public VoteStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public VoteOutcome? Outcome { get; private set; }
    public int Yes { get; private set; }
    public int No { get; private set; }
    public int Abstain { get; private set; }
    public int NonParticipating { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<Ballot> Ballots => _ballots;
    public IReadOnlyList<VoteFootnote> Footnotes => _footnotes;
    string? IStateOwned.OwnerState => null;

    public VoteSubject Subject => new(Body, DraftSymbol, AmendmentSymbol, ParagraphKind, ParagraphNumber);

    /// <summary>A vote on the draft as a whole (not on an amendment or a paragraph) decides the draft.</summary>
    public bool IsOnWholeDraft => AmendmentSymbol is null && ParagraphNumber is null;

    /// <summary>
    /// Opens a vote on <paramref name="draft"/> (which must be issued) or on the symbol the motion names. An
    /// adoption without a vote has no ballots to wait for: it is a closed record from the start, and decides
    /// the draft when it is on the draft as a whole.
    /// </summary>
    public static Vote Open(VoteMotion m, DraftResolution? draft, Actor actor, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        string symbol;
        if (draft is not null)
        {
            if (draft.Status != DraftStatus.Issued) throw DomainException.Conflict("draft-not-issued");
            symbol = draft.CurrentSymbol!;
        }
        else
        {
            symbol = (m.DraftSymbol ?? "").Trim();
            if (symbol.Length > 60) errors.Add(TextRules.TooLong("draftSymbol", 60));
            else if (!Deliberation.DraftSymbol.IsValidBase(RevisionSuffix().Replace(symbol, ""))) errors.Add(new DomainError("invalid-symbol",
                "draftSymbol"));
        }
        var body = string.IsNullOrWhiteSpace(m.Body) ? Deliberation.DraftSymbol.BodyOf(symbol) : m.Body.Trim();
        if (body is not ("GA" or "AC") && !(body.Length == 3 && body.StartsWith("C.", StringComparison.Ordinal) && body[2] is >= '1' and <= '6'))
            errors.Add(new DomainError("invalid-value", "body"));
        var amendmentText = TextRules.Check(m.AmendmentSymbol, "amendmentSymbol", 60, errors);
        var amendment = amendmentText.Length == 0 ? null : amendmentText;
        Deliberation.ParagraphKind? kind = null;
        if (!string.IsNullOrWhiteSpace(m.ParagraphKind) || m.ParagraphNumber is not null)
        {
            kind = (m.ParagraphKind ?? "").Trim().ToLowerInvariant() switch
            {
                "preambular" => Deliberation.ParagraphKind.Preambular,
                "operative" => Deliberation.ParagraphKind.Operative,
                _ => null,
            };
            if (kind is null) errors.Add(new DomainError("invalid-paragraph-kind", "paragraphKind"));
            if (m.ParagraphNumber is not (>= 1 and <= 500)) errors.Add(new DomainError("invalid-value", "paragraphNumber"));
            if (amendment is not null) errors.Add(new DomainError("amendment-or-paragraph", "paragraphKind"));
        }
        var method = (m.Method ?? "recorded").Trim().ToLowerInvariant() switch
        {
            "recorded" => VoteMethod.Recorded,
            "without-vote" or "withoutvote" => VoteMethod.WithoutVote,
            _ => (VoteMethod?)null,
        };
        if (method is null) errors.Add(new DomainError("invalid-value", "method"));
        var majority = (m.Majority ?? "simple").Trim().ToLowerInvariant() switch
        {
            "simple" => RequiredMajority.Simple,
            "two-thirds" or "twothirds" => RequiredMajority.TwoThirds,
            _ => (RequiredMajority?)null,
        };
        if (majority is null) errors.Add(new DomainError("invalid-value", "majority"));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var date = m.Date ?? today;
        if (date > today) errors.Add(new DomainError("date-in-future", "date"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var v = new Vote
        {
            Id = Guid.CreateVersion7(),
            DraftId = draft?.Id,
            Body = body,
            DraftSymbol = symbol,
            AmendmentSymbol = amendment,
            ParagraphKind = kind,
            ParagraphNumber = kind is null ? null : m.ParagraphNumber,
            Date = date,
            Method = method!.Value,
            Majority = majority!.Value,
            Status = VoteStatus.Open,
            CreatedAt = now,
            CreatedBy = actor.DisplayName,
        };
        if (v.Method == VoteMethod.WithoutVote)
        {
            v.Status = VoteStatus.Closed;
            v.Outcome = VoteOutcome.Adopted;
            v.ClosedAt = now;
            v.ClosedBy = actor.DisplayName;
            if (draft is not null && v.IsOnWholeDraft) draft.Decide(VoteOutcome.Adopted);
        }
        return v;
    }

    /// <summary>Enters ballots (adding to or changing those entered) while the vote is open.</summary>
    public void RecordBallots(IReadOnlyDictionary<string, string?>? ballots, int version, StateDirectory states)
    {
        EnsureOpen(version);
        if (ballots is null || ballots.Count == 0) throw DomainException.Invalid("no-ballots", "ballots");
        var parsed = new Dictionary<string, VoteChoice>(StringComparer.Ordinal);
        var errors = new List<DomainError>();
        foreach (var (code, choice) in ballots)
        {
            var state = code.Trim().ToUpperInvariant();
            try { parsed[state] = BallotRules.ValidateBallot(states, state, choice); }
            catch (DomainException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        Apply(parsed, replaceAll: false);
    }

    /// <summary>Replaces every ballot with those of an imported file (rows of ISO3 codes with their votes).</summary>
    public void ImportBallots(IEnumerable<IReadOnlyList<string>> rows, int version, StateDirectory states)
    {
        EnsureOpen(version);
        Apply(BallotRules.Import(states, rows), replaceAll: true);
    }

    /// <summary>Closes the vote: the tally and outcome are fixed and the ballots can no longer change.</summary>
    public VoteOutcome Close(Actor actor, int version, DateTimeOffset now)
    {
        EnsureOpen(version);
        if (_ballots.Count == 0) throw DomainException.Conflict("no-ballots");
        var tally = Tally.Of(_ballots.Select(b => b.Choice));
        Yes = tally.Yes;
        No = tally.No;
        Abstain = tally.Abstain;
        NonParticipating = tally.NonParticipating;
        Outcome = tally.Outcome(Majority);
        Status = VoteStatus.Closed;
        ClosedAt = now;
        ClosedBy = actor.DisplayName;
        Version++;
        return Outcome.Value;
    }

    /// <summary>Records a State's later statement that it had intended another vote; the ballot stays as cast.</summary>
    public VoteFootnote AddFootnote(string? state, string? intended, DateOnly? statedOn, StateDirectory states, Actor actor, DateTimeOffset now)
    {
        if (Status != VoteStatus.Closed || Method != VoteMethod.Recorded) throw DomainException.Conflict("vote-not-closed");
        var code = (state ?? "").Trim().ToUpperInvariant();
        var choice = BallotRules.ValidateBallot(states, code, intended);
        var recorded = _ballots.FirstOrDefault(b => b.State == code)?.Choice;
        if (recorded == choice) throw DomainException.Invalid("footnote-same-as-ballot", "intended");
        if (_footnotes.Any(f => f.State == code)) throw DomainException.Conflict("footnote-exists");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var on = statedOn ?? today;
        if (on < Date || on > today) throw DomainException.Invalid("invalid-value", "statedOn");
        var f = new VoteFootnote(Id, code, choice, on, now, actor.DisplayName);
        _footnotes.Add(f);
        return f;
    }

    /// <summary>The tally: fixed once closed, counted from the ballots while open.</summary>
    public Tally CurrentTally() =>
        Status == VoteStatus.Closed ? new Tally(Yes, No, Abstain, NonParticipating) : Tally.Of(_ballots.Select(b => b.Choice));

    private void EnsureOpen(int version)
    {
        if (Status == VoteStatus.Closed) throw DomainException.Conflict("vote-closed");
        if (version != Version) throw DomainException.Conflict("concurrent-change");
    }

    private void Apply(IReadOnlyDictionary<string, VoteChoice> ballots, bool replaceAll)
    {
        if (replaceAll) _ballots.RemoveAll(b => !ballots.ContainsKey(b.State));
        foreach (var (state, choice) in ballots)
        {
            var existing = _ballots.FirstOrDefault(b => b.State == state);
            if (existing is null) _ballots.Add(new Ballot(Id, state, choice));
            else existing.Change(choice);
        }
        Version++;
    }

    [GeneratedRegex(@"/Rev\.\d+$")]
    private static partial Regex RevisionSuffix();
}

public sealed class Ballot : IStateOwned
{
    private Ballot()
    {
    }

    internal Ballot(Guid voteId, string state, VoteChoice choice)
    {
        VoteId = voteId;
        State = state;
        Choice = choice;
    }

    public Guid VoteId { get; private set; }
    public string State { get; private set; } = "";
    public VoteChoice Choice { get; private set; }
    string? IStateOwned.OwnerState => State;

    internal void Change(VoteChoice choice) => Choice = choice;
}

public sealed class VoteFootnote : IStateOwned
{
    private VoteFootnote()
    {
    }

    internal VoteFootnote(Guid voteId, string state, VoteChoice intended, DateOnly statedOn, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = Guid.CreateVersion7();
        VoteId = voteId;
        State = state;
        Intended = intended;
        StatedOn = statedOn;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public string State { get; private set; } = "";
    public VoteChoice Intended { get; private set; }
    public DateOnly StatedOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    string? IStateOwned.OwnerState => State;
}
