using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.App.Knowledge.Search;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class SearchModel(KnowledgeSearch search, StateDirectory states, ErrorMessages errors,
    IStringLocalizer<KnowledgeText> k) : KnowledgePage(states)
{
    public static readonly IReadOnlyList<string> Types = [KnowledgeIndexer.ProvisionType, KnowledgeIndexer.CaseType, KnowledgeIndexer.DocumentType];

    public static readonly IReadOnlyList<(string Field, string Label)> FacetFields =
    [
        (KnowledgeFields.State, "State"), (KnowledgeFields.Term, "Conduct"), (KnowledgeFields.Type, "Type"),
        (KnowledgeFields.Language, "Language of the text"), (KnowledgeFields.Year, "Year"),
    ];

    public string? Q { get; private set; }
    public string? State { get; private set; }
    public string? Term { get; private set; }
    public string? Type { get; private set; }
    public string? InLanguage { get; private set; }
    public string? Year { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public SearchResult? Result { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet(string? q, string? state, string? term, string? type, string? lang, string? year, DateOnly? from, DateOnly? to, int? page)
    {
        Q = q; State = Blank(state)?.ToUpperInvariant(); Term = Blank(term); Type = Types.Contains(type) ? type : null;
        InLanguage = Languages.IsSupported(lang) ? lang : null;
        Year = int.TryParse(year, out var y) && y is > 1800 and < 3000 ? year : null;
        From = from; To = to;
        if (Year is not null) { From = new DateOnly(y, 1, 1); To = new DateOnly(y, 12, 31); }
        if (From is { } f && To is { } t && f > t)
        {
            Errors.Add(ProblemResponses.Describe(errors, new DomainError("from-after-to", "from")));
            return;
        }
        try
        {
            Result = search.Search(new SearchRequest(q, Language, State, Term, Type, InLanguage, From, To, page ?? 1));
        }
        catch (DomainException ex)
        {
            Errors.AddRange(ex.Errors.Select(e => ProblemResponses.Describe(errors, e)));
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private QueryBuilder Current()
    {
        var qb = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Q)) qb.Add("q", Q);
        if (State is not null) qb.Add("state", State);
        if (Term is not null) qb.Add("term", Term);
        if (Type is not null) qb.Add("type", Type);
        if (InLanguage is not null) qb.Add("lang", InLanguage);
        if (Year is not null) qb.Add("year", Year);
        else
        {
            if (From is { } f) qb.Add("from", IsoDate(f));
            if (To is { } t) qb.Add("to", IsoDate(t));
        }
        return qb;
    }

    public string Refine(string field, string value)
    {
        var qb = new QueryBuilder(Current().Where(kv => kv.Key != ParameterOf(field) && !(field == KnowledgeFields.Year && kv.Key is "from" or "to")))
        {
            { ParameterOf(field), value },
        };
        return "/knowledge/search" + qb.ToQueryString();
    }

    private static string ParameterOf(string field) => field switch
    {
        KnowledgeFields.Language => "lang",
        _ => field,
    };

    public string PageLink(int page)
    {
        var qb = Current();
        qb.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/knowledge/search" + qb.ToQueryString();
    }

    public string FacetLabel(string field, string value) => field switch
    {
        KnowledgeFields.State => StateName(value),
        KnowledgeFields.Term => TermLabel(value),
        KnowledgeFields.Type => k["hit." + value],
        KnowledgeFields.Language => Languages.Autonym(value),
        _ => value,
    };

    public string Link(SearchHit h) => h.Type switch
    {
        KnowledgeIndexer.ProvisionType when h.Law is { } law => $"/knowledge/laws/{law}",
        KnowledgeIndexer.CaseType => "/knowledge/cases/" + h.Key["case:".Length..],
        _ => "/knowledge/documents/" + h.Key.Split(':')[1],
    };
}
