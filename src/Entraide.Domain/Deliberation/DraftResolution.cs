using System.Text.Json;
using System.Text.Json.Serialization;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Deliberation;

[JsonConverter(typeof(KebabEnum<DraftStatus>))]
public enum DraftStatus
{
    /// <summary>Being prepared by its sponsors; seen only by them and the secretariat.</summary>
    Working,
    /// <summary>Issued under its symbol: a public document that other States may co-sponsor.</summary>
    Issued,
    Adopted,
    Rejected,
}

[JsonConverter(typeof(KebabEnum<SponsorKind>))]
public enum SponsorKind
{
    Main,
    CoSponsor,
}

/// <summary>
/// A draft resolution, its revisions and its sponsors. A delegate starts one for its State (or the
/// secretariat enters one for the main sponsors it names); every change of text is a new revision, kept
/// whole; the secretariat issues it under its symbol, after which it is public and other States
/// co-sponsor it (with the date they joined); the vote on it as a whole decides it.
/// </summary>
public sealed class DraftResolution : IStateOwned
{
    private readonly List<DraftRevision> _revisions = [];
    private readonly List<DraftSponsor> _sponsors = [];

    private DraftResolution()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>The State whose delegate started the draft; null when the secretariat entered it.</summary>
    public string? OwnerState { get; private set; }
    /// <summary>The symbol of the original text (A/C.3/74/L.11); revisions append /Rev.n.</summary>
    public string? Symbol { get; private set; }
    public string Title { get; private set; } = "";
    public string? AgendaItem { get; private set; }
    public string Language { get; private set; } = "";
    public DraftStatus Status { get; private set; }
    public int CurrentRevision { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? IssuedAt { get; private set; }
    /// <summary>The resolution number once adopted (e.g. 74/173).</summary>
    public string? ResolutionNumber { get; private set; }
    public int Version { get; private set; }
    /// <summary>The revision that was issued under <see cref="Symbol"/>; later ones are its Rev.1, Rev.2…</summary>
    public int? IssuedRevision { get; private set; }
    public IReadOnlyList<DraftRevision> Revisions => _revisions;
    public IReadOnlyList<DraftSponsor> Sponsors => _sponsors;

    public string? CurrentSymbol => SymbolOf(CurrentRevision);

    /// <summary>The symbol of revision <paramref name="number"/>; none for texts prepared before issue.</summary>
    public string? SymbolOf(int number) =>
        Symbol is null || IssuedRevision is not { } issued || number < issued ? null : DraftSymbol.Of(Symbol, number - issued);

    /// <summary>
    /// Starts a draft with its first revision (number 0). A delegate's draft has its own State as the only
    /// main sponsor: naming another State here would give it the pen, so it is refused; the secretariat
    /// names the main sponsors of a draft it enters.
    /// </summary>
    public static DraftResolution Start(Actor actor, string? title, string? agendaItem, string? language, IReadOnlyList<Paragraph> paragraphs,
        string? budgetImplications, IReadOnlyList<string?>? mainSponsors, StateDirectory states, DateTimeOffset now)
    {
        DraftRules.Validate(title, agendaItem, language, paragraphs, budgetImplications);
        var sponsors = (mainSponsors ?? []).Select(s => (s ?? "").Trim().ToUpperInvariant()).ToList();
        if (!actor.IsSecretariat)
        {
            if (sponsors.Any(s => s != actor.StateCode)) throw DomainException.Invalid("own-state-only", "mainSponsors");
            sponsors.Clear();
        }
        if (actor.StateCode is { } own) sponsors.Insert(0, own);
        sponsors = [.. sponsors.Distinct()];
        if (sponsors.Count == 0) throw new DomainException(FailureKind.Invalid, DomainError.Required("mainSponsors"));
        if (sponsors.Any(s => !IsMember(states, s))) throw DomainException.Invalid("unknown-state", "mainSponsors");

        var d = new DraftResolution
        {
            Id = Guid.CreateVersion7(),
            OwnerState = actor.StateCode,
            Title = title!.Trim(),
            AgendaItem = string.IsNullOrWhiteSpace(agendaItem) ? null : agendaItem.Trim(),
            Language = language!,
            Status = DraftStatus.Working,
            CreatedAt = now,
            CreatedBy = actor.DisplayName,
        };
        d._revisions.Add(new DraftRevision(d, 0, d.Title, budgetImplications, paragraphs, now, actor.DisplayName));
        foreach (var s in sponsors) d._sponsors.Add(new DraftSponsor(d.Id, s, SponsorKind.Main, DateOnly.FromDateTime(now.UtcDateTime), now,
            actor.DisplayName));
        return d;
    }

    /// <summary>Adds a revision, kept whole; an empty title keeps the current one.</summary>
    public DraftRevision Revise(Actor actor, string? title, IReadOnlyList<Paragraph> paragraphs, string? budgetImplications, int version,
        DateTimeOffset now)
    {
        if (Status is DraftStatus.Adopted or DraftStatus.Rejected) throw DomainException.Conflict("draft-decided");
        if (version != Version) throw DomainException.Conflict("concurrent-change");
        var newTitle = string.IsNullOrWhiteSpace(title) ? Title : title;
        DraftRules.Validate(newTitle, AgendaItem, Language, paragraphs, budgetImplications);
        CurrentRevision++;
        Title = newTitle.Trim();
        Version++;
        var r = new DraftRevision(this, CurrentRevision, Title, budgetImplications, paragraphs, now, actor.DisplayName);
        _revisions.Add(r);
        return r;
    }

    /// <summary>
    /// Issues the draft under <paramref name="symbol"/>. Texts prepared before issue carry no symbol; the one
    /// issued is the original, later ones are Rev.1, Rev.2… Whether the symbol is free is the caller's question.
    /// </summary>
    public void Issue(string? symbol, int version, DateTimeOffset now)
    {
        if (Status != DraftStatus.Working) throw DomainException.Conflict("draft-already-issued");
        if (version != Version) throw DomainException.Conflict("concurrent-change");
        TextRules.EnsureClean(symbol, "symbol");
        var s = DraftSymbol.Normalise(symbol);
        if (!DraftSymbol.IsValidBase(s)) throw DomainException.Invalid("invalid-symbol", "symbol");
        Symbol = s;
        IssuedRevision = CurrentRevision;
        Status = DraftStatus.Issued;
        IssuedAt = now;
        Version++;
    }

    /// <summary>
    /// Adds a sponsor: a main sponsor before issue (the secretariat records it), a co-sponsor after, with the
    /// date it joined. A delegate speaks for its own State only.
    /// </summary>
    public DraftSponsor AddSponsor(Actor actor, string? state, DateOnly? joinedOn, StateDirectory states, DateTimeOffset now)
    {
        TextRules.EnsureClean(state, "state");
        string code;
        if (actor.IsSecretariat) code = (state ?? "").Trim().ToUpperInvariant();
        else if (actor.Has(Roles.Delegate) && actor.StateCode is { } own)
        {
            code = own;
            if (state is { Length: > 0 } asked && !string.Equals(asked.Trim(), own, StringComparison.OrdinalIgnoreCase))
                throw DomainException.Invalid("own-state-only", "state");
        }
        else throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (!IsMember(states, code)) throw DomainException.Invalid("unknown-state", "state");
        if (Status is DraftStatus.Adopted or DraftStatus.Rejected) throw DomainException.Conflict("draft-decided");
        if (_sponsors.Any(s => s.State == code)) throw DomainException.Conflict("already-sponsor");
        var kind = Status == DraftStatus.Working ? SponsorKind.Main : SponsorKind.CoSponsor;
        if (kind == SponsorKind.Main && !DraftAccess.SeesWorkingTexts(actor, this)) throw DomainException.NotFound("draft");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var joined = joinedOn ?? today;
        if (joined > today) throw DomainException.Invalid("date-in-future", "joinedOn");
        var sponsor = new DraftSponsor(Id, code, kind, joined, now, actor.DisplayName);
        _sponsors.Add(sponsor);
        Version++;
        return sponsor;
    }

    /// <summary>Sets the outcome when the vote on the draft as a whole is closed.</summary>
    public void Decide(VoteOutcome outcome)
    {
        if (Status != DraftStatus.Issued) return;
        Status = outcome == VoteOutcome.Adopted ? DraftStatus.Adopted : DraftStatus.Rejected;
        Version++;
    }

    private static bool IsMember(StateDirectory states, string code) => states.TryGet(code, out var info) && info.Status == UnStatus.Member;
}

/// <summary>One revision of a draft, written once and read whole.</summary>
public sealed class DraftRevision : IStateOwned
{
    internal static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private DraftRevision()
    {
    }

    internal DraftRevision(DraftResolution d, int number, string title, string? budget, IReadOnlyList<Paragraph> paragraphs, DateTimeOffset now,
        string by)
    {
        Id = Guid.CreateVersion7();
        DraftId = d.Id;
        Number = number;
        OwnerState = d.OwnerState;
        Title = title;
        BudgetImplications = string.IsNullOrWhiteSpace(budget) ? null : budget.Trim();
        ParagraphsJson = JsonSerializer.Serialize(paragraphs, Json);
        CreatedAt = now;
        CreatedBy = by;
    }

    public Guid Id { get; private set; }
    public Guid DraftId { get; private set; }
    public int Number { get; private set; }
    public string? OwnerState { get; private set; }
    public string Title { get; private set; } = "";
    public string? BudgetImplications { get; private set; }
    /// <summary>The paragraphs as JSON: a revision is written once and read whole, never queried by paragraph.</summary>
    public string ParagraphsJson { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public IReadOnlyList<Paragraph> Paragraphs() => JsonSerializer.Deserialize<List<Paragraph>>(ParagraphsJson, Json) ?? [];
}

public sealed class DraftSponsor : IStateOwned
{
    private DraftSponsor()
    {
    }

    internal DraftSponsor(Guid draftId, string state, SponsorKind kind, DateOnly joinedOn, DateTimeOffset recordedAt, string recordedBy)
    {
        DraftId = draftId;
        State = state;
        Kind = kind;
        JoinedOn = joinedOn;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid DraftId { get; private set; }
    public string State { get; private set; } = "";
    public SponsorKind Kind { get; private set; }
    public DateOnly JoinedOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    string? IStateOwned.OwnerState => State;
}
