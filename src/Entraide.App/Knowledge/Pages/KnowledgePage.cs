using System.Globalization;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Network;
using Entraide.Domain.Knowledge;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Knowledge.Pages;

/// <summary>What every Knowledge page needs: the page's language, State names and term labels in it.</summary>
public abstract class KnowledgePage(StateCatalogue states) : PageModel
{
    public string Language { get; } = CultureCookie.Current;

    public IReadOnlyList<StateView> AllStates => _all ??= states.List(Language);
    private IReadOnlyList<StateView>? _all;

    public string StateName(string? code) =>
        code is not null && states.Directory.Exists(code) ? states.Directory.ListName(code, Language) : code ?? "";

    public string TermLabel(string code) =>
        OffenceTaxonomy.Current.TryGet(code, out var t) ? t.Label(Language) : code;

    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Date(DateOnly d) => d.ToString("d MMMM yyyy", Domain.Common.Languages.Culture(Language));
}
