using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.App.Knowledge.Legislation;

public sealed record ProvisionInput(string? Eid, string? Number, string? Heading, string? Text, IReadOnlyList<string>? Terms,
    int? PenaltyMinMonths = null, int? PenaltyMaxMonths = null);

public sealed record ExpressionInput(string? Language, DateOnly? Date, string? Title, IReadOnlyList<ProvisionInput>? Provisions, string? Note = null);

/// <summary>
/// The checks a law's input must pass before anything is stored, shared by the API and every import format.
/// <paramref name="locate"/> turns a field path into where the user will find it (a JSON path, a CSV
/// line, an XML element), so the validation report points at the input, not at our model.
/// </summary>
public static class LawValidator
{
    public static List<DomainError> Validate(CreateLaw law, OffenceTaxonomy taxonomy, Func<string, string>? locate = null)
    {
        locate ??= f => f;
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(law.State)) errors.Add(DomainError.Required(locate("state")));
        else if (!Domain.Network.StateDirectory.Default.Exists(law.State.Trim().ToUpperInvariant())) errors.Add(new DomainError("unknown-state",
            locate("state")));
        Text(errors, law.Title, locate("title"), 500);
        if (string.IsNullOrWhiteSpace(law.Type)) errors.Add(DomainError.Required(locate("type")));
        else if (!WorkTypes.All.Contains(law.Type)) errors.Add(new DomainError("unknown-work-type", locate("type")) { Arguments = [law.Type] });
        if (!Languages.IsSupported(law.OriginalLanguage)) errors.Add(new DomainError("unsupported-language", locate("originalLanguage")));
        if (law.Expressions is null || law.Expressions.Count == 0) errors.Add(DomainError.Required(locate("expressions")));
        else
        {
            var seen = new HashSet<(string?, DateOnly?)>();
            for (var i = 0; i < law.Expressions.Count; i++)
            {
                var e = law.Expressions[i];
                var at = $"expressions[{i}].";
                if (e is null) { errors.Add(DomainError.Required(locate($"expressions[{i}]"))); continue; }
                errors.AddRange(ValidateExpression(e, taxonomy, f => locate(at + f)));
                if (!seen.Add((e.Language, e.Date))) errors.Add(new DomainError("version-exists", locate(at + "date")));
                if (law.AdoptedOn is { } adopted && e.Date is { } d && d < adopted) errors.Add(new DomainError("before-adoption",
                    locate(at + "date")));
            }
        }
        return errors;
    }

    public static List<DomainError> ValidateExpression(ExpressionInput e, OffenceTaxonomy taxonomy, Func<string, string> locate)
    {
        var errors = new List<DomainError>();
        if (!Languages.IsSupported(e.Language)) errors.Add(new DomainError("unsupported-language", locate("language")));
        if (e.Date is null) errors.Add(DomainError.Required(locate("date")));
        Text(errors, e.Title, locate("title"), 500);
        TextRules.Check(e.Note, locate("note"), 2000, errors, multiline: true);
        if (e.Provisions is null || e.Provisions.Count == 0) { errors.Add(DomainError.Required(locate("provisions"))); return errors; }
        var eids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < e.Provisions.Count; i++)
        {
            var p = e.Provisions[i];
            var at = $"provisions[{i}].";
            if (p is null) { errors.Add(DomainError.Required(locate($"provisions[{i}]"))); continue; }
            if (string.IsNullOrWhiteSpace(p.Eid)) errors.Add(DomainError.Required(locate(at + "eid")));
            else if (p.Eid.Length > 100 || !p.Eid.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                errors.Add(new DomainError("invalid-eid", locate(at + "eid")) { Arguments = [p.Eid] });
            else if (!eids.Add(p.Eid)) errors.Add(new DomainError("duplicate-eid", locate(at + "eid")) { Arguments = [p.Eid] });
            Text(errors, p.Number, locate(at + "number"), 100);
            TextRules.Check(p.Heading, locate(at + "heading"), 500, errors);
            Text(errors, p.Text, locate(at + "text"), 20000, multiline: true);
            var terms = p.Terms ?? [];
            foreach (var t in terms)
                if (!taxonomy.Contains(t)) errors.Add(new DomainError("unknown-term", locate(at + "terms")) { Arguments = [t ?? ""] });
            var hasPenalty = p.PenaltyMinMonths is not null || p.PenaltyMaxMonths is not null;
            if (hasPenalty && terms.Count > 0 && terms.All(t => taxonomy.Contains(t) && !taxonomy.IsOffence(t)))
                errors.Add(new DomainError("penalty-not-offence", locate(at + "penaltyMaxMonths")));
            foreach (var pe in PenaltyRange.Validate(p.PenaltyMinMonths, p.PenaltyMaxMonths))
                errors.Add(pe with { Field = locate(at + pe.Field) });
        }
        return errors;
    }

    private static void Text(List<DomainError> errors, string? value, string field, int max, bool multiline = false) =>
        TextRules.Check(value, field, max, errors, required: true, multiline: multiline);
}
