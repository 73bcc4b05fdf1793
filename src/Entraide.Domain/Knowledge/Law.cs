using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Knowledge;

/// <summary>
/// A law of a State (the Akoma Ntoso "work"): the instrument itself, whatever its language versions
/// (<see cref="LegalExpression"/>) and their provisions (<see cref="LegalProvision"/>). An amendment adds
/// a consolidated version at a later date; a repeal sets <see cref="RepealedOn"/> and keeps every
/// version, so the law as it was stays readable.
/// </summary>
public sealed class LegalWork : IStateOwned
{
    private LegalWork() { }

    public Guid Id { get; private set; }
    public string State { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string OriginalLanguage { get; private set; } = "";
    public DateOnly? AdoptedOn { get; private set; }
    public DateOnly? RepealedOn { get; private set; }

    /// <summary>Demo content: shown with an "example" badge, never mistaken for a State's real law.</summary>
    public bool Example { get; private set; }

    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    string? IStateOwned.OwnerState => State;

    /// <summary>A law as recorded, its input already checked (<c>LawValidator</c> in the host): its versions follow with <see
    /// cref="Express"/>.</summary>
    public static LegalWork Record(string state, string title, string type, string originalLanguage, DateOnly? adoptedOn, bool example,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            State = state,
            Title = title,
            Type = type,
            OriginalLanguage = originalLanguage,
            AdoptedOn = adoptedOn,
            Example = example,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>A language version of the law consolidated at <paramref name="date"/>, with its provisions in order.</summary>
    public (LegalExpression Expression, IReadOnlyList<LegalProvision> Provisions) Express(string language, DateOnly date, string title,
        string? note, IEnumerable<ProvisionText> provisions, DateTimeOffset now)
    {
        var expression = new LegalExpression(Guid.CreateVersion7(), Id, State, language, date, title, note, now);
        var rows = provisions.Select((p, i) => new LegalProvision(Guid.CreateVersion7(), expression.Id, Id, State, i, p)).ToList();
        return (expression, rows);
    }

    /// <summary>
    /// An amendment or a new language version: later than no version of the same language and date, no
    /// later than a repeal (409), not before the law's adoption. The law's version rises.
    /// </summary>
    public (LegalExpression Expression, IReadOnlyList<LegalProvision> Provisions) Amend(IEnumerable<LegalExpression> existing, string language,
        DateOnly date, string title, string? note, IEnumerable<ProvisionText> provisions, DateTimeOffset now)
    {
        var dates = existing.Select(e => new ExpressionDate(e.Id, e.Language, e.Date));
        if (LegislationHistory.CheckNewVersion(dates, language, date, RepealedOn) is { } bad)
            throw new DomainException(bad.Code == "after-repeal" ? FailureKind.Conflict : FailureKind.Invalid, bad);
        if (AdoptedOn is { } adopted && date < adopted) throw DomainException.Invalid("before-adoption", "date");
        var added = Express(language, date, title, note, provisions, now);
        UpdatedAt = now;
        Version++;
        return added;
    }

    /// <summary>
    /// The law's repeal on a date: once (409), from the version the caller read (409), and after its
    /// first version — a repeal before it would leave a law that was never in force.
    /// </summary>
    public void Repeal(DateOnly? on, int? expectedVersion, IEnumerable<LegalExpression> expressions, DateTimeOffset now)
    {
        if (on is not { } date) throw new DomainException(FailureKind.Invalid, DomainError.Required("on"));
        if (RepealedOn is not null) throw DomainException.Conflict("already-repealed");
        if (expectedVersion is { } v && v != Version) throw DomainException.Conflict("concurrent-change");
        var dates = expressions.Select(e => e.Date).ToList();
        if (dates.Count > 0 && date <= dates.Min()) throw DomainException.Invalid("repeal-before-version", "on");
        RepealedOn = date;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What a provision says, as recorded: its input already checked.</summary>
public sealed record ProvisionText(string Eid, string Number, string? Heading, string Text, IReadOnlyList<string> Terms, int? PenaltyMinMonths,
    int? PenaltyMaxMonths);

/// <summary>One language version of a law as consolidated at a date; an amendment adds a later one.</summary>
public sealed class LegalExpression : IStateOwned
{
    private LegalExpression() { }

    internal LegalExpression(Guid id, Guid workId, string state, string language, DateOnly date, string title, string? note, DateTimeOffset now)
    {
        Id = id;
        WorkId = workId;
        State = state;
        Language = language;
        Date = date;
        Title = title;
        Note = note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid WorkId { get; private set; }
    public string State { get; private set; } = "";
    public string Language { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Title { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    string? IStateOwned.OwnerState => State;
}

/// <summary>A provision (article, section) of one expression, tagged with taxonomy terms and, for offences, the penalty.</summary>
public sealed class LegalProvision : IStateOwned
{
    private LegalProvision() { }

    internal LegalProvision(Guid id, Guid expressionId, Guid workId, string state, int ordinal, ProvisionText p)
    {
        Id = id;
        ExpressionId = expressionId;
        WorkId = workId;
        State = state;
        Ordinal = ordinal;
        Eid = p.Eid;
        Number = p.Number;
        Heading = p.Heading;
        Text = p.Text;
        Terms = string.Join(",", p.Terms.Distinct(StringComparer.Ordinal));
        PenaltyMinMonths = p.PenaltyMinMonths;
        PenaltyMaxMonths = p.PenaltyMaxMonths;
    }

    public Guid Id { get; private set; }
    public Guid ExpressionId { get; private set; }
    public Guid WorkId { get; private set; }
    public string State { get; private set; } = "";
    public int Ordinal { get; private set; }

    /// <summary>Stable identifier within the work (Akoma Ntoso eId, e.g. <c>art_323-1</c>), the same across versions and languages.</summary>
    public string Eid { get; private set; } = "";

    /// <summary>How the provision is numbered in its own language, e.g. "Article 323-1".</summary>
    public string Number { get; private set; } = "";

    public string? Heading { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>Taxonomy codes, comma-separated.</summary>
    public string Terms { get; private set; } = "";

    public int? PenaltyMinMonths { get; private set; }
    public int? PenaltyMaxMonths { get; private set; }

    string? IStateOwned.OwnerState => State;

    public IReadOnlyList<string> TermList => Terms.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
