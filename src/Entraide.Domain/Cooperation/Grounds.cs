using System.Globalization;
using Entraide.Domain.Common;

namespace Entraide.Domain.Cooperation;

/// <summary>A ground on which the requested State may refuse or postpone assistance.</summary>
/// <param name="ConsultationFirst">Refusal on this ground must follow a consultation, because conditions might cure it.</param>
public sealed record Ground(string Code, string Article, bool ConsultationFirst);

/// <summary>
/// The Convention's closed list of grounds (Art. 40; Budapest Art. 27(4)–(5)). Fiscal matters and bank
/// secrecy are named only so that citing them is refused with a clear message: they are never grounds.
/// </summary>
public static class Grounds
{
    public const string NotInConformity = "not-in-conformity";
    public const string EssentialInterests = "essential-interests";
    public const string DomesticLawBar = "domestic-law-bar";
    public const string PoliticalOffence = "political-offence";
    public const string Discrimination = "discrimination";
    public const string NoDualCriminality = "no-dual-criminality";
    public const string OngoingProceedings = "ongoing-proceedings";
    public const string FiscalMatters = "fiscal-matters";
    public const string BankSecrecy = "bank-secrecy";

    public static readonly IReadOnlyList<Ground> Refusal =
    [
        new(NotInConformity, "40", ConsultationFirst: true),
        new(EssentialInterests, "40", ConsultationFirst: true),
        new(DomesticLawBar, "40", ConsultationFirst: true),
        new(NoDualCriminality, "35", ConsultationFirst: true),
        // Absolute grounds: no condition could make assistance acceptable.
        new(PoliticalOffence, "40", ConsultationFirst: false),
        new(Discrimination, "40", ConsultationFirst: false),
    ];

    /// <summary>Postponement: execution would interfere with the requested State's own investigation or proceedings.</summary>
    public static readonly IReadOnlyList<Ground> Postponement = [new(OngoingProceedings, "40", ConsultationFirst: false)];

    public static readonly IReadOnlySet<string> NeverGrounds = new HashSet<string>(StringComparer.Ordinal) { FiscalMatters, BankSecrecy };

    public const int MinimumReasons = 20;
    public const int MaximumReasons = 8000;

    public static Ground RequireRefusal(string? code, string? reasons) => Require(Refusal, code, reasons);

    public static Ground RequirePostponement(string? code, string? reasons) => Require(Postponement, code, reasons);

    private static Ground Require(IReadOnlyList<Ground> list, string? code, string? reasons)
    {
        var errors = new List<DomainError>();
        var c = code?.Trim() ?? "";
        Ground? ground = null;
        if (c.Length == 0) errors.Add(DomainError.Required("ground", "40"));
        else if (NeverGrounds.Contains(c)) errors.Add(new DomainError("ground-not-admissible", "ground", "40"));
        else if ((ground = list.FirstOrDefault(g => g.Code == c)) is null) errors.Add(new DomainError("unknown-ground", "ground", "40"));
        var r = reasons?.Trim() ?? "";
        if (r.Length == 0) errors.Add(DomainError.Required("reasons", "40"));
        else if (TextRules.HasForbidden(r, multiline: true)) errors.Add(new DomainError(TextRules.ControlCharacterCode, "reasons", "40"));
        else if (r.Length < MinimumReasons)
            errors.Add(new DomainError("reasons-too-short", "reasons", "40") { Arguments = [MinimumReasons.ToString(CultureInfo.InvariantCulture)] });
        else if (r.Length > MaximumReasons) errors.Add(TextRules.TooLong("reasons", MaximumReasons, "40"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return ground!;
    }
}
