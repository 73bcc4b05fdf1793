namespace Entraide.Domain.Knowledge;

/// <summary>A reference document of the United Nations (resolution, compilation) held in full for search.</summary>
public sealed class KnowledgeDocument
{
    private KnowledgeDocument() { }

    public Guid Id { get; private set; }
    public string Symbol { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Language { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static KnowledgeDocument Record(string symbol, string title, string language, DateOnly date, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Symbol = symbol,
        Title = title,
        Language = language,
        Date = date,
        Text = text,
        CreatedAt = now,
    };
}
