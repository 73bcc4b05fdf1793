using Entraide.App.Infrastructure.Csv;
using Entraide.App.Infrastructure.Documents;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Cooperation.Requests;

/// <summary>
/// The inbox as a file: the same query as the inbox (the caller's State only, through the caller's roles, with the
/// same filters), every page of it up to <see cref="MaxRows"/>, as CSV (through <see cref="CsvFiles"/>, formula-safe)
/// or XLSX (text cells only). Headings and labels are in the reader's language; instants are ISO 8601 in UTC.
/// </summary>
public sealed class InboxExport(RequestQueries queries, IStringLocalizer<CooperationText> text, TimeProvider clock)
{
    public const int MaxRows = 10_000;

    public async Task<IResult> DownloadAsync(string? format, InboxQuery filters, CancellationToken ct)
    {
        var kind = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => "csv",
            "xlsx" => "xlsx",
            _ => throw DomainException.Invalid("invalid-value", "format"),
        };
        var rows = await RowsAsync(filters, ct);
        var box = filters.Box?.Trim().ToLowerInvariant() == "outgoing" ? "outgoing" : "incoming";
        string[] header =
        [
            text["Reference"], text["Type"], text["Requesting State"], text["Requested State"], text["Status"], text["Emergency"], text["Urgent"],
            text["Submitted"], text["Acknowledge by"], text["Deadline"], text["Preserved until"], text["Overdue"],
        ];
        var name = $"entraide-{box}-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}";
        return kind == "xlsx"
            ? XlsxFiles.Download(name + ".xlsx", text[box == "outgoing" ? "Outgoing" : "Incoming"], header, rows)
            : CsvFiles.Download(name + ".csv", header, rows);
    }

    private async Task<List<IReadOnlyList<string?>>> RowsAsync(InboxQuery filters, CancellationToken ct)
    {
        var rows = new List<IReadOnlyList<string?>>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var p = await queries.InboxAsync(filters with { Page = page, PageSize = RequestQueries.MaxPageSize }, ct);
            rows.AddRange(p.Items.Take(MaxRows - rows.Count).Select(Row));
            if (!p.HasMore) break;
        }
        return rows;
    }

    private IReadOnlyList<string?> Row(RequestListItem i) =>
    [
        i.Reference, text["type." + i.Type], i.RequestingState, i.RequestedState, text["status." + i.Status], YesNo(i.Emergency), YesNo(i.Urgent),
        Iso(i.SubmittedAt), i.AcknowledgementPending ? Iso(i.AcknowledgeBy) : null, i.DeadlineState == "met" ? null : Iso(i.Deadline),
        Iso(i.PreservationExpiresAt), YesNo(i.Overdue),
    ];

    private string YesNo(bool value) => value ? text["Yes"] : "";

    private static string? Iso(DateTimeOffset? at) => at is { } a ? Dates.Iso(a) : null;
}
