using Entraide.Domain.Deliberation;

namespace Entraide.App.Deliberation.Votes;

public sealed record BallotView(string State, string Name, VoteChoice Choice);

public sealed record FootnoteView(string State, string Name, VoteChoice Intended, VoteChoice? Recorded, DateOnly StatedOn);

public sealed record VoteView(
    Guid Id, Guid? DraftId, string Body, string DraftSymbol, string? AmendmentSymbol, ParagraphKind? ParagraphKind, int? ParagraphNumber,
    DateOnly Date, VoteMethod Method, RequiredMajority Majority, VoteStatus Status, VoteOutcome? Outcome, Tally Tally,
    IReadOnlyList<BallotView> Ballots, IReadOnlyList<FootnoteView> Footnotes, DateTimeOffset? ClosedAt, int Version);
