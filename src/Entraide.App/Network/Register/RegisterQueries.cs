using System.Globalization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Profiles;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Register;

/// <summary>
/// The register of central authorities and 24/7 points of contact (Convention Art. 41): every State in
/// the language's collation order, each with its authorities as the viewer may see them, when they
/// were last updated and last verified.
/// </summary>
public sealed class RegisterQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states, RegisterSnapshot snapshot)
{
    public async Task<RegisterView> RunAsync(RegisterFilter filter, string language, CancellationToken ct)
    {
        Check(filter);
        var actor = current.Current;
        var now = clock.GetUtcNow();
        var rows = await snapshot.GetAsync(db, ct);
        var authorities = rows.ByState;
        var updated = rows.ProfileUpdated;

        var term = string.IsNullOrWhiteSpace(filter.Query) ? null : filter.Query.Trim();
        var compare = Languages.Culture(language).CompareInfo;
        bool Matches(string text) => compare.IndexOf(text, term!, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

        var result = new List<RegisterState>();
        var count = 0;
        foreach (var (s, name) in SortedNames(language))
        {
            if (filter.Region is not null && !string.Equals(s.Region, filter.Region, StringComparison.OrdinalIgnoreCase)) continue;
            IEnumerable<Authority> list = authorities[s.Iso3];
            if (filter.Kind is { } kind) list = list.Where(a => a.Kind == kind);
            if (filter.AroundTheClock is { } round) list = list.Where(a => a.AroundTheClock == round);
            if (filter.Language is { } lang) list = list.Where(a => a.LanguageList.Contains(lang));
            if (term is not null && !Matches(name) && !s.Iso3.Equals(term, StringComparison.OrdinalIgnoreCase))
            {
                list = list.Where(a => Matches(a.Name));
                if (!list.Any()) continue;
            }
            var audience = Audiences.Of(actor, s.Iso3);
            var views = Views.Ordered(list).Select(a => Views.Of(a, audience, now)).ToList();
            if (views.Count == 0 && filter.NarrowsAuthorities) continue;
            count += views.Count;
            result.Add(new RegisterState(s.Iso3, name, s.Region, updated.TryGetValue(s.Iso3, out var u) ? u : null,
                views.Max(v => v.LastVerifiedAt), views));
        }
        return new RegisterView(language, now, result.Count, count, result);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (StateInfo, string)[]> Sorted = new(StringComparer.Ordinal);

    // Names and their order are reference data: worked out once per language.
    private (StateInfo, string)[] SortedNames(string language) =>
        Sorted.GetOrAdd(language, l => [.. states.Sorted(l).Select(s => (s, states.ListName(s.Iso3, l)))]);

    private static void Check(RegisterFilter filter)
    {
        var errors = new List<DomainError>();
        if (filter.Kind is not null && !AuthorityKinds.IsKnown(filter.Kind)) errors.Add(new DomainError("unknown-authority-kind", "kind"));
        if (filter.Language is { } l && (l.Length != 2 || !l.All(char.IsAsciiLetterLower))) errors.Add(new DomainError("language-code", "language"));
        if (filter.Query is { Length: > 200 }) errors.Add(TextRules.TooLong("q", 200));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }
}
