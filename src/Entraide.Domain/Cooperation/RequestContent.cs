using Entraide.Domain.Common;

namespace Entraide.Domain.Cooperation;

/// <summary>
/// The drafting rules: a draft may hold anything (it is saved as typed, however incomplete); a
/// submission must carry every field its article requires, in a language the requested State accepts.
/// </summary>
public static class RequestContent
{
    /// <summary>Checks what can be wrong even in a draft: unknown fields, control characters, over-long values.</summary>
    public static IReadOnlyList<DomainError> CheckDraft(TypeSpec type, IReadOnlyDictionary<string, string?> fields)
    {
        var errors = new List<DomainError>();
        foreach (var (name, value) in fields)
        {
            var spec = type.Field(name);
            if (spec is null)
            {
                errors.Add(new DomainError("field-not-for-type", name) { Arguments = [type.Code] });
                continue;
            }
            if (value is null) continue;
            // A reference is one line; any other content may run over several lines.
            if (TextRules.HasForbidden(value, multiline: spec.Kind != FieldKind.Reference))
                errors.Add(new DomainError(TextRules.ControlCharacterCode, name));
            else if (value.Length > spec.MaxLength) errors.Add(TextRules.TooLong(name, spec.MaxLength));
        }
        return errors;
    }

    /// <summary>Every missing required field, each with the article that requires it, plus the language check.</summary>
    public static IReadOnlyList<DomainError> CheckSubmission(TypeSpec type, IReadOnlyDictionary<string, string?> fields, string? language,
        IReadOnlyList<string> acceptedLanguages)
    {
        var errors = new List<DomainError>(CheckDraft(type, fields));
        foreach (var f in type.Fields.Where(f => f.Required))
        {
            fields.TryGetValue(f.Name, out var v);
            if (f.Kind == FieldKind.Affirmation)
            {
                if (!IsAffirmed(v)) errors.Add(new DomainError("affirmation-required", f.Name, f.Article));
            }
            else if (string.IsNullOrWhiteSpace(v)) errors.Add(DomainError.Required(f.Name, f.Article));
        }
        // Art. 40: in a language acceptable to the requested State.
        if (string.IsNullOrWhiteSpace(language)) errors.Add(DomainError.Required("language", "40"));
        else if (acceptedLanguages.Count > 0 && !acceptedLanguages.Contains(language, StringComparer.OrdinalIgnoreCase))
            errors.Add(new DomainError("language-not-accepted", "language", "40") { Arguments = [language, string.Join(", ", acceptedLanguages)] });
        return errors;
    }

    public static bool IsAffirmed(string? v) => v is not null && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "on" || v == "yes");
}
