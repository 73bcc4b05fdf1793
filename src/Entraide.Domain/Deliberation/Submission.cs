using System.Security.Cryptography;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Deliberation;

/// <summary>A file sent with a submission, decoded.</summary>
public sealed record SubmissionFile(string? FileName, string? ContentType, byte[] Content);

/// <summary>
/// A State's comments in a consultation; one per State, which it may replace while the consultation is
/// open (or until its late acceptance). Each language version keeps its translation status.
/// </summary>
public sealed class Submission : IStateOwned
{
    public const int MaxContentTypeLength = 200;

    private readonly List<SubmissionText> _texts = [];
    private readonly List<SubmissionAttachment> _attachments = [];

    private Submission()
    {
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public string State { get; private set; } = "";
    public string OriginalLanguage { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    /// <summary>Received after the deadline, under a late acceptance.</summary>
    public bool Late { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<SubmissionText> Texts => _texts;
    public IReadOnlyList<SubmissionAttachment> Attachments => _attachments;
    string? IStateOwned.OwnerState => State;

    /// <summary>Checks the comments and their files before the schedule is asked (a bad text is refused even when late).</summary>
    public static void Check(string? text, string? language, IReadOnlyList<SubmissionFile> files)
    {
        if (files.Any(f => f.ContentType is { } type && (type.Trim().Length > MaxContentTypeLength || TextRules.HasForbidden(type))))
            throw DomainException.Invalid("invalid-value", "attachments");
        SubmissionRules.Validate(text, language, [.. files.Select(f => (f.FileName ?? "", (long)f.Content.Length))]);
    }

    /// <summary>The State's first submission in <paramref name="consultationId"/>; <see cref="Replace"/> fills it.</summary>
    public static Submission First(Guid consultationId, string state) =>
        new() { Id = Guid.CreateVersion7(), ConsultationId = consultationId, State = state, Version = -1 };

    /// <summary>
    /// Puts this version of the comments in place: text and files replace the earlier ones whole, and
    /// translations of the earlier text no longer hold.
    /// </summary>
    public void Replace(string? language, string? text, IReadOnlyList<SubmissionFile> files, bool late, Actor actor, DateTimeOffset now)
    {
        Check(text, language, files);
        Version++;
        OriginalLanguage = language!;
        SubmittedAt = now;
        SubmittedBy = actor.DisplayName;
        Late = late;
        foreach (var lang in Languages.All)
        {
            var t = _texts.FirstOrDefault(x => x.Language == lang);
            if (t is null) _texts.Add(t = new SubmissionText(Id, lang, State));
            if (lang == OriginalLanguage) t.SetOriginal(text!.Trim(), now);
            else t.Reset();
        }
        _attachments.Clear();
        foreach (var f in files) _attachments.Add(new SubmissionAttachment(Id, State, f));
    }
}

/// <summary>One language version of a submission, with its translation status.</summary>
public sealed class SubmissionText : IStateOwned
{
    private SubmissionText()
    {
    }

    internal SubmissionText(Guid submissionId, string language, string state)
    {
        SubmissionId = submissionId;
        Language = language;
        State = state;
    }

    public Guid SubmissionId { get; private set; }
    public string Language { get; private set; } = "";
    public string State { get; private set; } = "";
    public string? Text { get; private set; }
    public TranslationStatus Status { get; private set; }
    public string? TranslatedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    string? IStateOwned.OwnerState => State;

    /// <summary>Records the translation into this language; an empty text puts it back to awaiting translation.</summary>
    public void Translate(string? text, string? translatedBy, Actor actor, DateTimeOffset now)
    {
        if (Status == TranslationStatus.Original) throw DomainException.Conflict("original-not-translatable");
        var errors = new List<DomainError>();
        var t = TextRules.Check(text, "text", SubmissionRules.MaxTextLength, errors, multiline: true);
        var by = TextRules.Check(translatedBy, "translatedBy", 200, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (t.Length == 0) Reset();
        else
        {
            Text = t;
            Status = TranslationStatus.Translated;
            TranslatedBy = by.Length == 0 ? actor.DisplayName : by;
        }
        UpdatedAt = now;
    }

    internal void SetOriginal(string text, DateTimeOffset now)
    {
        Text = text;
        Status = TranslationStatus.Original;
        TranslatedBy = null;
        UpdatedAt = now;
    }

    internal void Reset()
    {
        Text = null;
        Status = TranslationStatus.AwaitingTranslation;
        TranslatedBy = null;
        UpdatedAt = null;
    }
}

public sealed class SubmissionAttachment : IStateOwned
{
    private SubmissionAttachment()
    {
    }

    internal SubmissionAttachment(Guid submissionId, string state, SubmissionFile f)
    {
        Id = Guid.CreateVersion7();
        SubmissionId = submissionId;
        State = state;
        FileName = f.FileName!.Trim();
        ContentType = string.IsNullOrWhiteSpace(f.ContentType) ? "application/octet-stream" : f.ContentType.Trim();
        Size = f.Content.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content));
        Content = f.Content;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    public string State { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    string? IStateOwned.OwnerState => State;
}
