using System.Globalization;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Knowledge.Pages;

/// <summary>A State in a page's list: its code and its name in the page's language.</summary>
public sealed record StateOption(string Code, string Name);

/// <summary>What every Knowledge page needs: the page's language, State names and term labels in it.</summary>
public abstract class KnowledgePage(StateDirectory states) : PageModel
{
    public string Language { get; } = CultureCookie.Current;

    /// <summary>Every State, named and ordered in the page's language (reference data of the domain, not Network's records).</summary>
    public IReadOnlyList<StateOption> AllStates => _all ??= [.. states.Sorted(Language).Select(s => new StateOption(s.Iso3, states.ListName(s.Iso3,
        Language)))];
    private IReadOnlyList<StateOption>? _all;

    public string StateName(string? code) =>
        code is not null && states.Exists(code) ? states.ListName(code, Language) : code ?? "";

    public string TermLabel(string code) =>
        OffenceTaxonomy.Current.TryGet(code, out var t) ? t.Label(Language) : code;

    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
