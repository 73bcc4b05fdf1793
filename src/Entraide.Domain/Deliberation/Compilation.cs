using Entraide.Domain.Common;
using Entraide.Domain.Network;

namespace Entraide.Domain.Deliberation;

/// <summary>One language version of a submission, as the compilation needs it.</summary>
public sealed record SubmissionVersion(string Language, TranslationStatus Status, string? Text, string? TranslatedBy);

/// <summary>A State's comments: the original language, the date received and the language versions.</summary>
public sealed record SubmissionForCompilation(string State, string OriginalLanguage, DateOnly Received, IReadOnlyList<SubmissionVersion> Versions);

/// <summary>A State's section in a compilation, headed as in A/AC.291/4.</summary>
/// <param name="Paragraphs">The text in the compilation's language, split into paragraphs; empty while it awaits translation.</param>
public sealed record CompilationSection(
    string State, string Heading, string OriginalLine, string DateLine, TranslationStatus Status, string? TranslatedBy,
    IReadOnlyList<string> Paragraphs)
{
    public bool AwaitingTranslation => Status == TranslationStatus.AwaitingTranslation;
}

/// <summary>The compilation of a consultation in one language.</summary>
public sealed record CompiledDocument(
    string Language, string Title, string? Symbol, DateOnly Date, IReadOnlyList<string> Introduction, IReadOnlyList<CompilationSection> Sections)
{
    public IReadOnlyList<string> StatesAwaitingTranslation => [.. Sections.Where(s => s.AwaitingTranslation).Select(s => s.State)];
    public bool Complete => Sections.All(s => !s.AwaitingTranslation);
}

/// <summary>
/// Builds a compilation: the introduction, then one section per State ordered by the State's name in
/// the collation of the compilation's language, each headed by the name as it was on the
/// compilation's date, "[Original: …]" and the date received.
/// </summary>
public static class Compiler
{
    public static CompiledDocument Compile(
        StateDirectory states, string language, string title, string? symbol, DateOnly date, string? introduction,
        IEnumerable<SubmissionForCompilation> submissions)
    {
        if (!Languages.IsSupported(language)) throw DomainException.Invalid("unsupported-language", "lang");
        var comparer = Collation.For(language);
        var sections = submissions
            .Select(s => (Submission: s, Name: states.ListName(s.State, language, date)))
            .OrderBy(x => x.Name, comparer)
            .Select(x => Section(x.Submission, x.Name, language))
            .ToList();
        return new CompiledDocument(language, title, symbol, date, Paragraphs(introduction), sections);
    }

    private static CompilationSection Section(SubmissionForCompilation s, string name, string language)
    {
        var version = s.Versions.FirstOrDefault(v => v.Language == language);
        var status = language == s.OriginalLanguage
            ? TranslationStatus.Original
            : version is { Status: TranslationStatus.Translated, Text.Length: > 0 }
                ? TranslationStatus.Translated
                : TranslationStatus.AwaitingTranslation;
        var paragraphs = status == TranslationStatus.AwaitingTranslation ? [] : Paragraphs(version?.Text);
        return new CompilationSection(s.State, name, UnFormats.OriginalLine(s.OriginalLanguage, language),
            UnFormats.DateLine(s.Received, language), status, status == TranslationStatus.Translated ? version?.TranslatedBy : null, paragraphs);
    }

    /// <summary>Paragraphs are separated by blank lines; single line breaks inside a paragraph are the writer's wrapping.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return [.. text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0)];
    }
}
