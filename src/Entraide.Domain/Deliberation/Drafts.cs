using System.Text.RegularExpressions;
using Entraide.Domain.Common;

namespace Entraide.Domain.Deliberation;

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<ParagraphKind>))]
public enum ParagraphKind
{
    Preambular,
    Operative,
}

public sealed record Paragraph(ParagraphKind Kind, string Text);

/// <summary>A warning the editor shows on a paragraph; it never blocks saving.</summary>
/// <param name="Index">Position of the paragraph in the draft (0-based, preambular and operative together).</param>
public sealed record ParagraphWarning(int Index, string Code);

/// <summary>
/// UN document symbols of draft resolutions: <c>A/C.3/74/L.11</c> (Main Committee), <c>A/74/L.5</c>
/// (plenary), <c>A/AC.291/L.1</c> (subsidiary body); a revision appends <c>/Rev.1</c>.
/// </summary>
public static partial class DraftSymbol
{
    [GeneratedRegex(@"^A/(C\.[1-6]/\d{1,3}|\d{1,3}|AC\.\d{1,4}(/\d{4})?)/L\.\d{1,4}(/Add\.\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BasePattern();

    public static bool IsValidBase(string? symbol) => symbol is not null && BasePattern().IsMatch(symbol);

    public static string Normalise(string? symbol) => (symbol ?? "").Trim();

    /// <summary>The symbol of revision <paramref name="revision"/> (0 is the original text).</summary>
    public static string Of(string baseSymbol, int revision) => revision == 0 ? baseSymbol : $"{baseSymbol}/Rev.{revision}";

    /// <summary>
    /// The body that a symbol belongs to: <c>C.3</c> for the Third Committee, <c>GA</c> for plenary, <c>AC</c> for a subsidiary body.
    /// </summary>
    public static string BodyOf(string symbol)
    {
        if (symbol.StartsWith("A/C.", StringComparison.Ordinal) && symbol.Length > 5) return "C." + symbol[4];
        if (symbol.StartsWith("A/AC.", StringComparison.Ordinal)) return "AC";
        return "GA";
    }
}

/// <summary>
/// The drafting conventions of resolutions, checked per language: a preambular paragraph opens with a
/// participle-style word ("Recalling", "Rappelant", "Recordando", "ссылаясь", "إذ تشير") and ends with a
/// comma; an operative paragraph is numbered and opens with a verb in the present ("Requests",
/// "Prie", "Pide", "просит", "تطلب"). Heuristics: they warn, the drafter decides.
/// </summary>
public static partial class ParagraphChecks
{
    [GeneratedRegex(@"^\s*(\d{1,3})\s*(\.|-|–)\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"[\p{L}\p{M}'’-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IReadOnlyList<ParagraphWarning> Check(IReadOnlyList<Paragraph> paragraphs, string language)
    {
        var warnings = new List<ParagraphWarning>();
        var expected = 1;
        var seenOperative = false;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Kind == ParagraphKind.Preambular)
            {
                if (seenOperative) warnings.Add(new(i, "preambular-after-operative"));
                if (Numbered().IsMatch(p.Text)) warnings.Add(new(i, "preambular-numbered"));
                else if (!OpensPreambular(p.Text, language)) warnings.Add(new(i, "preambular-not-participle"));
                continue;
            }
            seenOperative = true;
            var m = Numbered().Match(p.Text);
            if (!m.Success)
            {
                warnings.Add(new(i, "operative-not-numbered"));
                if (!OpensOperative(p.Text, language)) warnings.Add(new(i, "operative-not-verb"));
                continue;
            }
            if (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != expected)
                warnings.Add(new(i, "operative-numbering"));
            expected++;
            if (!OpensOperative(m.Groups[3].Value, language)) warnings.Add(new(i, "operative-not-verb"));
        }
        return warnings;
    }

    /// <summary>The first words, skipping adverbs that may precede the participle or verb ("Deeply concerned", "Also requests").</summary>
    private static string[] Words(string text, int count) =>
        [.. Word().Matches(text).Take(count).Select(m => m.Value)];

    private static string Lower(string w) => w.ToLowerInvariant();

    public static bool OpensPreambular(string text, string language)
    {
        var t = text.Trim();
        if (t.Length == 0) return false;
        if (language == Languages.Chinese)
        {
            // Chinese marks the preamble by its punctuation: the clause ends with a comma.
            return t.EndsWith('，') || t.EndsWith(',');
        }
        var words = Words(t, 3);
        if (words.Length == 0) return false;
        var w = Lower(words[0]);
        switch (language)
        {
            case Languages.English:
                if (w.EndsWith("ly") && words.Length > 1) w = Lower(words[1]);
                return w.EndsWith("ing") || w.EndsWith("ed")
                    || w is "aware" or "mindful" or "conscious" or "cognizant" or "convinced" or "having" or "bearing";
            case Languages.French:
                if (w.EndsWith("ment") && words.Length > 1) w = Lower(words[1]);
                return w.EndsWith("ant") || w.EndsWith("ants") || w.EndsWith('é') || w.EndsWith("ée") || w.EndsWith("és") || w.EndsWith("ées")
                    || w.EndsWith("ue") || w.EndsWith("ues")
                    || w is "consciente" or "conscient" or "consciente" or "vu" or "ayant" or "étant" or "sachant";
            case Languages.Spanish:
                if (w.EndsWith("mente") && words.Length > 1) w = Lower(words[1]);
                return w.EndsWith("ando") || w.EndsWith("iendo") || w.EndsWith("yendo") || w.EndsWith("ado") || w.EndsWith("ada")
                    || w.EndsWith("ados") || w.EndsWith("adas") || w.EndsWith("ido") || w.EndsWith("ida") || w is "consciente" or "conscientes";
            case Languages.Russian:
                // Deverbal adverbs (ссылаясь, отмечая, признав) or "будучи …", possibly after "с удовлетворением".
                return words.Select(Lower).Any(x => x.EndsWith('я') || x.EndsWith("ясь") || x.EndsWith("вшись") || x.EndsWith("ав")
                    || x.EndsWith("ив") || x == "будучи" || x == "учитывая");
            case Languages.Arabic:
                // The preamble's circumstantial clauses open with "إذ" / "وإذ", or an accusative of purpose ("واقتناعا منها").
                return w is "إذ" or "وإذ" or "واذ" or "اذ" || w.EndsWith("ًا") || w.EndsWith("اً") || (w.StartsWith('و') && w.EndsWith('ا'));
            default:
                return true;
        }
    }

    public static bool OpensOperative(string text, string language)
    {
        var t = text.Trim();
        if (t.Length == 0) return false;
        if (language == Languages.Chinese) return !t.EndsWith('，') && !t.EndsWith(',');
        var words = Words(t, 3);
        if (words.Length == 0) return false;
        var w = Lower(words[0]);
        switch (language)
        {
            case Languages.English:
                if (w is "also" or "further" or "again" or "once" or "strongly" or "firmly" or "urgently" or "once" && words.Length > 1)
                    w = Lower(words[1]);
                if (w.EndsWith("ly") && words.Length > 1) w = Lower(words[1]);
                return w.EndsWith('s') && !w.EndsWith("ss");
            case Languages.French:
                if (w.EndsWith("ment") && words.Length > 1) w = Lower(words[1]);
                return w is "se" or "s'" or "s’" || w.StartsWith("s'", StringComparison.Ordinal) || w.StartsWith("s’", StringComparison.Ordinal)
                    || w.EndsWith('e') || w.EndsWith("end") || w.EndsWith('t');
            case Languages.Spanish:
                if (w.EndsWith("mente") && words.Length > 1) w = Lower(words[1]);
                return w.EndsWith('a') || w.EndsWith('e') || w is "toma" or "hace";
            case Languages.Russian:
                return words.Select(Lower)
                    .Any(x => x.EndsWith("ет") || x.EndsWith("ит") || x.EndsWith("ят") || x.EndsWith("ют") || x.EndsWith("ется"));
            case Languages.Arabic:
                // Present-tense feminine verbs agreeing with "الجمعية العامة": تقرر، تطلب، وتدعو.
                return w.StartsWith('ت') || w.StartsWith("وت", StringComparison.Ordinal);
            default:
                return true;
        }
    }
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<DiffKind>))]
public enum DiffKind
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// <summary>One line of a paragraph-level comparison of two revisions.</summary>
public sealed record ParagraphChange(DiffKind Kind, ParagraphKind ParagraphKind, string? Before, string? After);

/// <summary>
/// Compares two revisions paragraph by paragraph (longest common subsequence), so that a delegate sees
/// which paragraphs were added, deleted or reworded between L.11 and L.11/Rev.1. A deletion followed
/// by an insertion of the same kind is reported as a rewording.
/// </summary>
public static class ParagraphDiff
{
    public static IReadOnlyList<ParagraphChange> Compare(IReadOnlyList<Paragraph> before, IReadOnlyList<Paragraph> after)
    {
        var n = before.Count;
        var m = after.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = Same(before[i], after[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var raw = new List<ParagraphChange>();
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (Same(before[a], after[b])) { raw.Add(new(DiffKind.Unchanged, before[a].Kind, before[a].Text, after[b].Text)); a++; b++; }
            else if (lcs[a + 1, b] >= lcs[a, b + 1]) { raw.Add(new(DiffKind.Removed, before[a].Kind, before[a].Text, null)); a++; }
            else { raw.Add(new(DiffKind.Added, after[b].Kind, null, after[b].Text)); b++; }
        }
        for (; a < n; a++) raw.Add(new(DiffKind.Removed, before[a].Kind, before[a].Text, null));
        for (; b < m; b++) raw.Add(new(DiffKind.Added, after[b].Kind, null, after[b].Text));

        // Within each run of edits, pair the deletions with the insertions of the same kind, in order: those are rewordings.
        var result = new List<ParagraphChange>(raw.Count);
        for (var i = 0; i < raw.Count;)
        {
            if (raw[i].Kind == DiffKind.Unchanged) { result.Add(raw[i++]); continue; }
            var start = i;
            while (i < raw.Count && raw[i].Kind != DiffKind.Unchanged) i++;
            var removed = raw.Skip(start).Take(i - start).Where(c => c.Kind == DiffKind.Removed).ToList();
            var added = raw.Skip(start).Take(i - start).Where(c => c.Kind == DiffKind.Added).ToList();
            foreach (var r in removed)
            {
                var match = added.FirstOrDefault(a => a.ParagraphKind == r.ParagraphKind);
                if (match is null) { result.Add(r); continue; }
                added.Remove(match);
                result.Add(new(DiffKind.Changed, r.ParagraphKind, r.Before, match.After));
            }
            result.AddRange(added);
        }
        return result;
    }

    private static bool Same(Paragraph x, Paragraph y) =>
        x.Kind == y.Kind && string.Equals(Normal(x.Text), Normal(y.Text), StringComparison.Ordinal);

    private static string Normal(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Validation of a draft's content.</summary>
public static class DraftRules
{
    public const int MaxTitleLength = 1000;
    public const int MaxAgendaItemLength = 300;
    public const int MaxParagraphs = 500;
    public const int MaxParagraphLength = 20_000;
    public const int MaxBudgetLength = 20_000;

    public static void Validate(string? title, string? agendaItem, string? language, IReadOnlyList<Paragraph>? paragraphs,
        string? budgetImplications = null)
    {
        var errors = new List<DomainError>();
        TextRules.Check(title, "title", MaxTitleLength, errors, required: true);
        TextRules.Check(agendaItem, "agendaItem", MaxAgendaItemLength, errors);
        TextRules.Check(budgetImplications, "budgetImplications", MaxBudgetLength, errors, multiline: true);
        if (!Languages.IsSupported(language)) errors.Add(new DomainError("unsupported-language", "language"));
        if (paragraphs is null || !paragraphs.Any(p => p.Kind == ParagraphKind.Operative))
            errors.Add(new DomainError("operative-required", "paragraphs"));
        if (paragraphs is not null && paragraphs.Any(p => string.IsNullOrWhiteSpace(p.Text)))
            errors.Add(new DomainError("paragraph-empty", "paragraphs"));
        if (paragraphs is { Count: > MaxParagraphs }) errors.Add(TextRules.TooLong("paragraphs", MaxParagraphs));
        if (paragraphs is not null)
        {
            if (paragraphs.Any(p => TextRules.HasForbidden(p.Text, multiline: true)))
                errors.Add(new DomainError(TextRules.ControlCharacterCode, "paragraphs"));
            else if (paragraphs.Any(p => p.Text.Length > MaxParagraphLength)) errors.Add(TextRules.TooLong("paragraphs", MaxParagraphLength));
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }
}
