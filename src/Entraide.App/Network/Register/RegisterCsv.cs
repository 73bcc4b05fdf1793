using System.Globalization;
using System.Text;
using Entraide.App.Infrastructure.Csv;

namespace Entraide.App.Network.Register;

/// <summary>The register as CSV: one line per authority, headings in the register's language.</summary>
public static class RegisterCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "state", "state_name", "region", "kind", "name", "address", "phones", "email", "languages", "time_zone", "office_hours",
        "around_the_clock", "updated", "last_verified", "unanswered",
    ];

    /// <summary>
    /// Writes through <see cref="CsvFiles"/> (UTF-8 with a byte-order mark, so spreadsheet programs read
    /// Arabic and Chinese names right; cells that a spreadsheet would run as a formula are neutralised),
    /// streamed as it goes.
    /// </summary>
    public static async Task WriteAsync(RegisterView register, Func<string, string> header, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await CsvFiles.WriteAsync(writer, [.. Columns.Select(header)], Rows(register), ct);
        await writer.FlushAsync(ct);
    }

    private static IEnumerable<IReadOnlyList<string?>> Rows(RegisterView register) =>
        register.States.SelectMany(s => s.Authorities.Select(a => (IReadOnlyList<string?>)
        [
            s.State, s.Name, s.Region, a.Kind, a.Name, a.Address, a.Phones is null ? null : string.Join(" / ", a.Phones), a.Email,
            string.Join(' ', a.Languages), a.TimeZone, a.OfficeHours, a.AroundTheClock ? "yes" : "no", Iso(a.UpdatedAt),
            Iso(a.LastVerifiedAt), a.Unanswered ? "yes" : "no",
        ]));

    private static string? Iso(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
