using Entraide.Domain.Deliberation;

namespace Entraide.App.Deliberation.Drafts;

public sealed record ParagraphInput(string? Kind, string? Text);

public sealed record SponsorView(string State, string Name, SponsorKind Kind, DateOnly JoinedOn);

public sealed record ParagraphView(ParagraphKind Kind, string Text, IReadOnlyList<string> Warnings);

public sealed record RevisionView(int Number, string? Symbol, string Title, string? BudgetImplications, DateTimeOffset CreatedAt, string CreatedBy,
    IReadOnlyList<ParagraphView> Paragraphs);

/// <summary>A draft as the caller may read it: <see cref="Revisions"/> lists only the revisions open to the caller.</summary>
public sealed record DraftView(
    Guid Id, string? Symbol, string? BaseSymbol, string Title, string? AgendaItem, string Language, DraftStatus Status, int CurrentRevision,
    string? OwnerState, DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt, IReadOnlyList<SponsorView> MainSponsors,
    IReadOnlyList<SponsorView> CoSponsors, RevisionView Revision, IReadOnlyList<int> Revisions, int Version);

public sealed record DiffView(int From, int To, string? FromSymbol, string? ToSymbol, IReadOnlyList<ParagraphChange> Changes);
