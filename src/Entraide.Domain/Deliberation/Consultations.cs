using Entraide.Domain.Common;

namespace Entraide.Domain.Deliberation;

/// <summary>Where a language version of a submission stands.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<TranslationStatus>))]
public enum TranslationStatus
{
    /// <summary>The language the State wrote in.</summary>
    Original,
    AwaitingTranslation,
    Translated,
}

/// <summary>One change of a consultation's deadline, kept so the compilation can say "extended to …".</summary>
public sealed record DeadlineChange(DateTimeOffset From, DateTimeOffset To, DateTimeOffset ChangedAt, string ChangedBy, string? Reason);

/// <summary>
/// The clock of a consultation: a deadline that the secretariat may extend (never shorten, never
/// into the past), and the late acceptances it grants to named States. A submission is on time up to
/// and including the deadline instant.
/// </summary>
public sealed class ConsultationSchedule
{
    public ConsultationSchedule(DateTimeOffset openedAt, DateTimeOffset originalDeadline, IEnumerable<DeadlineChange>? changes = null)
    {
        OpenedAt = openedAt;
        OriginalDeadline = originalDeadline;
        Changes = [.. (changes ?? []).OrderBy(c => c.ChangedAt)];
    }

    public DateTimeOffset OpenedAt { get; }
    public DateTimeOffset OriginalDeadline { get; }
    public IReadOnlyList<DeadlineChange> Changes { get; }
    public DateTimeOffset Deadline => Changes.Count == 0 ? OriginalDeadline : Changes[^1].To;

    /// <summary>Checks a deadline when a consultation is opened.</summary>
    public static void ValidateOpening(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (deadline <= now) throw DomainException.Invalid("deadline-in-past", "deadline");
    }

    /// <summary>The change that extending to <paramref name="to"/> makes; refused unless it moves the deadline later and into the future.</summary>
    public DeadlineChange Extend(DateTimeOffset to, DateTimeOffset now, string by, string? reason)
    {
        if (to <= Deadline) throw DomainException.Invalid("deadline-not-later", "deadline");
        if (to <= now) throw DomainException.Invalid("deadline-in-past", "deadline");
        return new DeadlineChange(Deadline, to, now, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    public bool IsOpenAt(DateTimeOffset at) => at <= Deadline;

    /// <summary>
    /// Refuses a submission after the deadline unless the secretariat accepted a late one from that
    /// State until <paramref name="lateAcceptedUntil"/>.
    /// </summary>
    public void EnsureCanSubmit(DateTimeOffset at, DateTimeOffset? lateAcceptedUntil)
    {
        if (IsOpenAt(at)) return;
        if (lateAcceptedUntil is { } until && at <= until) return;
        throw DomainException.Conflict("submission-late");
    }
}

/// <summary>Rules on the content of a submission.</summary>
public static class SubmissionRules
{
    public const int MaxTextLength = 200_000;
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;
    public const int MaxAttachments = 10;

    public static void Validate(string? text, string? language, IReadOnlyCollection<(string FileName, long Size)> attachments)
    {
        var errors = new List<DomainError>();
        TextRules.Check(text, "text", MaxTextLength, errors, required: true, multiline: true);
        if (!Languages.IsSupported(language)) errors.Add(new DomainError("unsupported-language", "language"));
        if (attachments.Count > MaxAttachments) errors.Add(new DomainError("too-many-attachments", "attachments"));
        foreach (var a in attachments)
        {
            if (string.IsNullOrWhiteSpace(a.FileName) || a.FileName.IndexOfAny(['/', '\\']) >= 0 || TextRules.HasForbidden(a.FileName)
                || a.FileName.Trim().Length > 200)
                errors.Add(new DomainError("invalid-file-name", "attachments"));
            if (a.Size == 0 || a.Size > MaxAttachmentBytes) errors.Add(new DomainError("attachment-size", "attachments"));
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }
}
