using Entraide.Domain.Trust;

namespace Entraide.Domain.Knowledge;

public static class CaseKinds
{
    public const string Decision = "decision";
    public const string Lesson = "lesson";
    public static readonly IReadOnlyList<string> All = [Decision, Lesson];
}

/// <summary>A court decision or a lesson learned (res. 74/173 §8), linked to the provisions and terms it concerns.</summary>
public sealed class CaseNote : IStateOwned
{
    private CaseNote() { }

    public Guid Id { get; private set; }
    public string State { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Language { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string? Source { get; private set; }
    public string Terms { get; private set; } = "";

    /// <summary>Linked provision ids, comma-separated.</summary>
    public string Provisions { get; private set; } = "";

    public bool Example { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    string? IStateOwned.OwnerState => State;

    public IReadOnlyList<string> TermList => Terms.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<Guid> ProvisionList => [.. Provisions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    /// <summary>A note as recorded, its input already checked (known State, kind, terms and provisions; a date not in the future).</summary>
    public static CaseNote Record(string state, string kind, string title, string summary, string language, DateOnly date, string? source,
        IEnumerable<string> terms, IEnumerable<Guid> provisions, bool example, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            State = state,
            Kind = kind,
            Title = title,
            Summary = summary,
            Language = language,
            Date = date,
            Source = source,
            Terms = string.Join(",", terms.Distinct(StringComparer.Ordinal)),
            Provisions = string.Join(",", provisions),
            Example = example,
            CreatedAt = now,
        };
}
