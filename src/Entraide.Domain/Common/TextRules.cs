using System.Globalization;

namespace Entraide.Domain.Common;

/// <summary>
/// The rules every text typed by a person follows before it is stored: trimmed, within its stated
/// length, and free of control characters. NUL breaks PostgreSQL text columns, and bidirectional
/// overrides and isolates let a name or file name display as something else than it is
/// (<c>invoice‮fdp.exe</c>); neither has a place in what a State records.
/// </summary>
public static class TextRules
{
    /// <summary>The error code of a text that holds a control character.</summary>
    public const string ControlCharacterCode = "control-characters";

    /// <summary>True when <paramref name="c"/> may not appear in a one-line text (a name, a title, a file name).</summary>
    public static bool IsForbiddenInLine(char c) => IsBidiControl(c) || char.IsControl(c) || c == '\u2028' || c == '\u2029';

    /// <summary>True when <paramref name="c"/> may not appear in a long text; tabs and line breaks may.</summary>
    public static bool IsForbiddenInText(char c) => c is not ('\t' or '\n' or '\r') && IsForbiddenInLine(c);

    /// <summary>The bidirectional embedding, override and isolate controls (U+202A–202E, U+2066–2069) and the marks LRM/RLM/ALM.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool HasForbidden(string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value)) return false;
        foreach (var c in value)
        {
            if (multiline ? IsForbiddenInText(c) : IsForbiddenInLine(c)) return true;
        }
        return false;
    }

    /// <summary>
    /// Checks a text field: adds <c>required</c>, <c>too-long</c> (with the limit as argument) or
    /// <c>control-characters</c> to <paramref name="errors"/>, and returns the trimmed value.
    /// </summary>
    public static string Check(string? value, string field, int maxLength, ICollection<DomainError> errors,
        bool required = false, bool multiline = false, string? article = null)
    {
        var v = (value ?? "").Trim();
        if (v.Length == 0)
        {
            if (required) errors.Add(DomainError.Required(field, article));
            return v;
        }
        if (HasForbidden(v, multiline)) errors.Add(new DomainError(ControlCharacterCode, field, article));
        else if (v.Length > maxLength) errors.Add(TooLong(field, maxLength, article));
        return v;
    }

    /// <summary>The <c>too-long</c> error; its first argument is the limit, so the message can state it.</summary>
    public static DomainError TooLong(string field, int maxLength, string? article = null) =>
        new("too-long", field, article) { Arguments = [maxLength.ToString(CultureInfo.InvariantCulture)] };

    /// <summary>Throws a 422 with the control-character error when <paramref name="value"/> holds one.</summary>
    public static void EnsureClean(string? value, string field, bool multiline = false)
    {
        if (HasForbidden(value, multiline)) throw new DomainException(FailureKind.Invalid, new DomainError(ControlCharacterCode, field));
    }
}

/// <summary>Page numbers and sizes from a query string, clamped so that no value overflows or wraps around.</summary>
public static class Paging
{
    /// <summary>The largest page number accepted: beyond it (or beyond the last page) a listing is empty.</summary>
    public const int MaxPage = 100_000;

    public static (int Page, int PageSize) Clamp(int? page, int? pageSize, int defaultSize = 50, int maxSize = 200)
    {
        var size = Math.Clamp(pageSize ?? defaultSize, 1, maxSize);
        var p = Math.Clamp(page ?? 1, 1, MaxPage);
        return (p, size);
    }

    /// <summary>The number of rows to skip, computed in 64 bits so a large page never wraps to a negative offset.</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, ((long)page - 1) * pageSize);
}
