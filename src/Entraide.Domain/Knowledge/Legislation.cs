using Entraide.Domain.Common;

namespace Entraide.Domain.Knowledge;

/// <summary>
/// A penalty of imprisonment, in months. The Convention (and UNTOC Art. 2) calls "serious" an offence
/// punishable by a maximum of at least four years; States often limit interception to those.
/// </summary>
public sealed record PenaltyRange(int? MinMonths, int? MaxMonths)
{
    public const int SeriousThresholdMonths = 48;

    /// <summary>True or false when the maximum is known, null when it is not.</summary>
    public bool? IsSerious => MaxMonths is { } max ? max >= SeriousThresholdMonths : null;

    public static IReadOnlyList<DomainError> Validate(int? min, int? max, string prefix = "")
    {
        var errors = new List<DomainError>();
        if (min is < 0) errors.Add(new DomainError("negative-penalty", prefix + "penaltyMinMonths"));
        if (max is < 0) errors.Add(new DomainError("negative-penalty", prefix + "penaltyMaxMonths"));
        if (max is > 1200) errors.Add(new DomainError("penalty-too-long", prefix + "penaltyMaxMonths"));
        if (min is { } a && max is { } b && a > b) errors.Add(new DomainError("penalty-min-above-max", prefix + "penaltyMinMonths"));
        return errors;
    }
}

/// <summary>What kind of legal instrument a work is.</summary>
public static class WorkTypes
{
    public const string Statute = "statute";
    public const string Code = "code";
    public const string Regulation = "regulation";
    public const string Decree = "decree";

    public static readonly IReadOnlyList<string> All = [Statute, Code, Regulation, Decree];
}

/// <summary>The dates that bound a language version of a law: from its date until the next version in the same language, or the repeal.</summary>
public sealed record ExpressionDate(Guid Id, string Language, DateOnly Date);

/// <summary>
/// History of a law: every amendment is a new consolidated expression at a later date, so nothing is
/// overwritten and "what was the law on date D?" is a lookup, not a reconstruction.
/// </summary>
public static class LegislationHistory
{
    /// <summary>
    /// The expression of each language in force on <paramref name="on"/>: the latest dated on or before it,
    /// none when the law was repealed by then or not yet made.
    /// </summary>
    public static IReadOnlyList<ExpressionDate> InForce(IEnumerable<ExpressionDate> expressions, DateOnly on, DateOnly? repealedOn)
    {
        if (repealedOn is { } r && r <= on) return [];
        return [.. expressions.Where(e => e.Date <= on)
            .GroupBy(e => e.Language)
            .Select(g => g.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).First())
            .OrderBy(e => Languages.All.ToList().IndexOf(e.Language))];
    }

    /// <summary>The one expression to cite from: the original language's when in force, else the first in UN order.</summary>
    public static ExpressionDate? Authoritative(IEnumerable<ExpressionDate> expressions, DateOnly on, DateOnly? repealedOn, string originalLanguage)
    {
        var inForce = InForce(expressions, on, repealedOn);
        return inForce.FirstOrDefault(e => e.Language == originalLanguage) ?? inForce.FirstOrDefault();
    }

    /// <summary>An amendment must be later than the version it replaces and no later than a repeal.</summary>
    public static DomainError? CheckNewVersion(IEnumerable<ExpressionDate> existing, string language, DateOnly date, DateOnly? repealedOn)
    {
        if (repealedOn is { } r && date >= r) return new DomainError("after-repeal", "date");
        if (existing.Any(e => e.Language == language && e.Date == date)) return new DomainError("version-exists", "date");
        return null;
    }
}
