using Entraide.Domain.Deliberation;

namespace Entraide.App.Deliberation.Consultations;

public sealed record DeadlineChangeView(DateTimeOffset From, DateTimeOffset To, DateTimeOffset ChangedAt, string ChangedBy, string? Reason);

public sealed record SubmissionSummary(Guid Id, string State, string StateName, string OriginalLanguage, DateTimeOffset SubmittedAt, bool Late,
    IReadOnlyDictionary<string, TranslationStatus> Translations);

public sealed record ConsultationView(
    Guid Id, string Title, string Question, string Invitation, string? Introduction, string Language, string? Symbol,
    DateTimeOffset OpenedAt, DateTimeOffset OriginalDeadline, DateTimeOffset Deadline, bool Open, IReadOnlyList<string>? InvitedStates,
    IReadOnlyList<DeadlineChangeView> DeadlineChanges, IReadOnlyList<SubmissionSummary> Submissions, DateTimeOffset? LateAcceptedUntil, int Version);

public sealed record SubmissionVersionView(string Language, TranslationStatus Status, string? Text, string? TranslatedBy, DateTimeOffset? UpdatedAt);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record SubmissionView(
    Guid Id, Guid ConsultationId, string State, string StateName, string OriginalLanguage, DateTimeOffset SubmittedAt, bool Late,
    IReadOnlyList<SubmissionVersionView> Versions, IReadOnlyList<AttachmentView> Attachments, int Version);
