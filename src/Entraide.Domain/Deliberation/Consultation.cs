using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Deliberation;

/// <summary>What the secretariat opens a consultation with, as typed; <see cref="Consultation.Open"/> checks it.</summary>
public sealed record ConsultationInvitation(
    string? Title, string? Question, string? Invitation, string? Introduction, string? Language, string? Symbol,
    DateTimeOffset? Deadline, IReadOnlyList<string?>? InvitedStates);

/// <summary>
/// An invitation by the secretariat to Member States to comment by a deadline. The secretariat opens it,
/// extends its deadline (never shortens it; each change is kept) and accepts late submissions from named
/// States; each invited State's delegate submits comments (<see cref="Submission"/>).
/// </summary>
public sealed class Consultation : IStateOwned
{
    public const int MaxTitleLength = 500;
    public const int MaxQuestionLength = 4000;
    public const int MaxSymbolLength = 60;
    public const int MaxReasonLength = 1000;

    private readonly List<ConsultationDeadlineChange> _deadlineChanges = [];

    private Consultation()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Question { get; private set; } = "";
    /// <summary>The body of the invitation, as the Chair's letter words it.</summary>
    public string Invitation { get; private set; } = "";
    /// <summary>The introduction printed at the head of the compilation.</summary>
    public string? Introduction { get; private set; }
    /// <summary>Language of the title, question, invitation and introduction.</summary>
    public string Language { get; private set; } = "";
    /// <summary>Symbol of the compilation document, e.g. A/AC.291/4.</summary>
    public string? Symbol { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset OriginalDeadline { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    /// <summary>Comma-separated ISO3 codes of the States invited; null when every Member State is.</summary>
    public string? InvitedStates { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ConsultationDeadlineChange> DeadlineChanges => _deadlineChanges;

    string? IStateOwned.OwnerState => null;

    public bool Invites(string? state) =>
        state is not null && (InvitedStates is null || InvitedStates.Split(',').Contains(state, StringComparer.Ordinal));

    /// <summary>The States invited, as parties of the record: every State in the directory when none is named.</summary>
    public IEnumerable<Party> Parties(StateDirectory states) =>
        (InvitedStates is null ? states.All.Select(s => s.Iso3) : InvitedStates.Split(',', StringSplitOptions.RemoveEmptyEntries))
        .Select(state => new Party(state, "invited", [Roles.Delegate]));

    public ConsultationSchedule Schedule() => new(OpenedAt, OriginalDeadline,
        _deadlineChanges.Select(c => new DeadlineChange(c.From, c.To, c.ChangedAt, c.ChangedBy, c.Reason)));

    public static Consultation Open(ConsultationInvitation i, StateDirectory states, Actor actor, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var title = TextRules.Check(i.Title, "title", MaxTitleLength, errors, required: true);
        var question = TextRules.Check(i.Question, "question", MaxQuestionLength, errors, required: true, multiline: true);
        var invitation = TextRules.Check(i.Invitation, "invitation", SubmissionRules.MaxTextLength, errors, required: true, multiline: true);
        var introduction = TextRules.Check(i.Introduction, "introduction", SubmissionRules.MaxTextLength, errors, multiline: true);
        if (!Languages.IsSupported(i.Language)) errors.Add(new DomainError("unsupported-language", "language"));
        var symbol = TextRules.Check(i.Symbol, "symbol", MaxSymbolLength, errors);
        if (i.Deadline is null) errors.Add(DomainError.Required("deadline"));
        else if (i.Deadline <= now) errors.Add(new DomainError("deadline-in-past", "deadline"));
        var invited = i.InvitedStates is { Count: > 0 } list ? list.Select(s => (s ?? "").Trim().ToUpperInvariant()).Distinct().ToList() : null;
        if (invited is not null && invited.Any(s => !states.Exists(s))) errors.Add(new DomainError("unknown-state", "invitedStates"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new Consultation
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Question = question,
            Invitation = invitation,
            Introduction = introduction.Length == 0 ? null : introduction,
            Language = i.Language!,
            Symbol = symbol.Length == 0 ? null : symbol,
            OpenedAt = now,
            OpenedBy = actor.DisplayName,
            OriginalDeadline = i.Deadline!.Value.ToUniversalTime(),
            Deadline = i.Deadline!.Value.ToUniversalTime(),
            InvitedStates = invited is null ? null : string.Join(',', invited),
        };
    }

    /// <summary>Sets the compilation's introduction and symbol.</summary>
    public void Update(string? introduction, string? symbol, int version)
    {
        if (version != Version) throw DomainException.Conflict("concurrent-change");
        var errors = new List<DomainError>();
        var intro = TextRules.Check(introduction, "introduction", SubmissionRules.MaxTextLength, errors, multiline: true);
        var s = TextRules.Check(symbol, "symbol", MaxSymbolLength, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        Introduction = intro.Length == 0 ? null : intro;
        Symbol = s.Length == 0 ? null : s;
        Version++;
    }

    /// <summary>Extends the deadline (never shortens it); the change is kept in the consultation's history.</summary>
    public ConsultationDeadlineChange Extend(DateTimeOffset? deadline, string? reason, int version, Actor actor, DateTimeOffset now)
    {
        if (deadline is null) throw new DomainException(FailureKind.Invalid, DomainError.Required("deadline"));
        TextRules.EnsureClean(reason, "reason", multiline: true);
        if (version != Version) throw DomainException.Conflict("concurrent-change");
        var change = Schedule().Extend(deadline.Value.ToUniversalTime(), now, actor.DisplayName, reason);
        if (change.Reason is { Length: > MaxReasonLength })
            throw new DomainException(FailureKind.Invalid, TextRules.TooLong("reason", MaxReasonLength));
        var row = new ConsultationDeadlineChange(Id, change);
        _deadlineChanges.Add(row);
        Deadline = change.To;
        Version++;
        return row;
    }

    /// <summary>Accepts a submission from one invited State after the deadline, until <paramref name="until"/>.</summary>
    public LateAcceptance AcceptLate(string? state, DateTimeOffset? until, StateDirectory states, Actor actor, DateTimeOffset now)
    {
        var code = (state ?? "").Trim().ToUpperInvariant();
        var errors = new List<DomainError>();
        if (code.Length > 3 || !states.Exists(code) || !Invites(code)) errors.Add(new DomainError("unknown-state", "state"));
        if (until is null) errors.Add(DomainError.Required("until"));
        else if (until <= now || until <= Deadline) errors.Add(new DomainError("deadline-not-later", "until"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new LateAcceptance(Id, code, until!.Value.ToUniversalTime(), now, actor.DisplayName);
    }
}

public sealed class ConsultationDeadlineChange : IStateOwned
{
    private ConsultationDeadlineChange()
    {
    }

    internal ConsultationDeadlineChange(Guid consultationId, DeadlineChange change)
    {
        Id = Guid.CreateVersion7();
        ConsultationId = consultationId;
        From = change.From;
        To = change.To;
        ChangedAt = change.ChangedAt;
        ChangedBy = change.ChangedBy;
        Reason = change.Reason;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public string? Reason { get; private set; }
    string? IStateOwned.OwnerState => null;
}

/// <summary>The secretariat's acceptance of a late submission from one State, until an instant.</summary>
public sealed class LateAcceptance : IStateOwned
{
    private LateAcceptance()
    {
    }

    internal LateAcceptance(Guid consultationId, string state, DateTimeOffset until, DateTimeOffset grantedAt, string grantedBy)
    {
        Id = Guid.CreateVersion7();
        ConsultationId = consultationId;
        State = state;
        Until = until;
        GrantedAt = grantedAt;
        GrantedBy = grantedBy;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public string State { get; private set; } = "";
    public DateTimeOffset Until { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public string GrantedBy { get; private set; } = "";
    string? IStateOwned.OwnerState => State;
}
