using System.Globalization;
using System.Text;
using Entraide.App.Infrastructure.Csv;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Persistence;
using Entraide.App.Network.Profiles;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Register;

/// <summary>Filters of the register; all optional.</summary>
/// <param name="Query">Part of a State's name (in the register's language), of its code, or of an authority's name.</param>
/// <param name="Language">ISO 639-1 code of a language the authority works in.</param>
public sealed record RegisterFilter(string? Region = null, string? Kind = null, string? Language = null, bool? AroundTheClock = null, string? Query = null)
{
    /// <summary>True when the filter narrows authorities, so States without a matching one drop out.</summary>
    public bool NarrowsAuthorities => Kind is not null || Language is not null || AroundTheClock is not null;
}

public sealed record RegisterState(
    string State,
    string Name,
    string Region,
    DateTimeOffset? ProfileUpdatedAt,
    DateTimeOffset? LastVerifiedAt,
    IReadOnlyList<AuthorityView> Authorities);

public sealed record RegisterView(string Language, DateTimeOffset GeneratedAt, int StateCount, int AuthorityCount, IReadOnlyList<RegisterState> States);

/// <summary>
/// The register of central authorities and 24/7 points of contact (Convention Art. 41): every State in
/// the language's collation order, each with its authorities as the viewer may see them, when they
/// were last updated and last verified.
/// </summary>
public sealed class RegisterQuery(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states, RegisterSnapshot snapshot)
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
            IEnumerable<AuthorityRecord> list = authorities[s.Iso3];
            if (filter.Kind is { } kind) list = list.Where(a => a.Kind == kind);
            if (filter.AroundTheClock is { } round) list = list.Where(a => a.AroundTheClock == round);
            if (filter.Language is { } lang) list = list.Where(a => Lists.Split(a.Languages).Contains(lang));
            if (term is not null && !Matches(name) && !s.Iso3.Equals(term, StringComparison.OrdinalIgnoreCase))
            {
                list = list.Where(a => Matches(a.Name));
                if (!list.Any()) continue;
            }
            var audience = Views.AudienceOf(actor, s.Iso3);
            var views = list.OrderBy(a => Views.KindOrder(a.Kind)).ThenBy(a => a.Id).Select(a => Views.Of(a, audience, now)).ToList();
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
        if (filter.Query is { Length: > 200 }) errors.Add(new DomainError("too-long", "q"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }

    public static readonly IReadOnlyList<string> CsvColumns =
        ["state", "state_name", "region", "kind", "name", "address", "phones", "email", "languages", "time_zone", "office_hours", "around_the_clock", "updated", "last_verified", "unanswered"];

    /// <summary>
    /// Writes the register as CSV through <see cref="CsvFiles"/> (UTF-8 with a byte-order mark, so spreadsheet
    /// programs read Arabic and Chinese names right; cells that a spreadsheet would run as a formula are
    /// neutralised), one line per authority, streamed as it goes.
    /// </summary>
    public static async Task WriteCsvAsync(RegisterView register, Func<string, string> header, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await CsvFiles.WriteAsync(writer, [.. CsvColumns.Select(header)], CsvRows(register), ct);
        await writer.FlushAsync(ct);
    }

    private static IEnumerable<IReadOnlyList<string?>> CsvRows(RegisterView register) =>
        register.States.SelectMany(s => s.Authorities.Select(a => (IReadOnlyList<string?>)
        [
            s.State, s.Name, s.Region, a.Kind, a.Name, a.Address, a.Phones is null ? null : string.Join(" / ", a.Phones), a.Email,
            string.Join(' ', a.Languages), a.TimeZone, a.OfficeHours, a.AroundTheClock ? "yes" : "no", Iso(a.UpdatedAt),
            Iso(a.LastVerifiedAt), a.Unanswered ? "yes" : "no",
        ]));

    private static string? Iso(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
