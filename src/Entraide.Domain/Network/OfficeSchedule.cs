using System.Globalization;
using System.Text;
using Entraide.Domain.Common;

namespace Entraide.Domain.Network;

/// <summary>One opening of an office on a weekday, in the office's own local time.</summary>
/// <remarks>A slot whose closing time is earlier than its opening runs past midnight into the next day.</remarks>
public sealed record OfficeSlot(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    public bool RunsPastMidnight => Closes <= Opens;
}

/// <summary>
/// Weekly office hours in the office's IANA time zone. "Is it open now?" is answered by converting the
/// instant into the zone's wall-clock time, so daylight-saving changes move the opening with the
/// office, as they do in real life.
/// </summary>
public sealed class OfficeSchedule
{
    private static readonly string[] DayCodes = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public OfficeSchedule(IEnumerable<OfficeSlot> slots)
    {
        Slots = [.. slots.OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Opens)];
    }

    public static OfficeSchedule Empty { get; } = new([]);

    public IReadOnlyList<OfficeSlot> Slots { get; }

    /// <summary>True when <paramref name="instant"/> falls within a slot, read in <paramref name="zone"/>.</summary>
    public bool IsOpenAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = local.DayOfWeek;
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var previous = (DayOfWeek)(((int)day + 6) % 7);
        foreach (var s in Slots)
        {
            if (!s.RunsPastMidnight)
            {
                if (s.Day == day && time >= s.Opens && time < s.Closes) return true;
            }
            else
            {
                if (s.Day == day && time >= s.Opens) return true;
                if (s.Day == previous && time < s.Closes) return true;
            }
        }
        return false;
    }

    /// <summary>A compact text form, e.g. <c>mon 09:00-17:00; tue 09:00-17:00</c>, used in storage and CSV.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var s in Slots)
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(DayCodes[(int)s.Day]).Append(' ')
              .Append(s.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)).Append('-')
              .Append(s.Closes.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    // Stored schedules are few and repeat (mon-fri 09:00-17:00); the register reads hundreds per page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, OfficeSchedule> Parsed = new(StringComparer.Ordinal);

    /// <summary>Reads the compact form; <c>mon-fri 09:00-17:00</c> expands to five slots.</summary>
    public static OfficeSchedule Parse(string? text, string field = "officeHours")
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        if (Parsed.TryGetValue(text, out var known)) return known;
        var schedule = ParseNew(text, field);
        if (Parsed.Count < 10_000) Parsed.TryAdd(text, schedule);
        return schedule;
    }

    private static OfficeSchedule ParseNew(string text, string field)
    {
        var slots = new List<OfficeSlot>();
        foreach (var raw in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2) throw DomainException.Invalid("office-hours-format", field);
            var days = ParseDays(parts[0]) ?? throw DomainException.Invalid("office-hours-format", field);
            var times = parts[1].Split('-', StringSplitOptions.TrimEntries);
            if (times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes))
            {
                throw DomainException.Invalid("office-hours-format", field);
            }
            if (opens == closes) throw DomainException.Invalid("office-hours-empty", field);
            slots.AddRange(days.Select(d => new OfficeSlot(d, opens, closes)));
        }
        return new OfficeSchedule(slots);
    }

    private static List<DayOfWeek>? ParseDays(string text)
    {
        var range = text.ToLowerInvariant().Split('-');
        var from = Array.IndexOf(DayCodes, range[0]);
        if (from < 0 || range.Length > 2) return null;
        if (range.Length == 1) return [(DayOfWeek)from];
        var to = Array.IndexOf(DayCodes, range[1]);
        if (to < 0) return null;
        var list = new List<DayOfWeek>();
        for (var d = from; ; d = (d + 1) % 7)
        {
            list.Add((DayOfWeek)d);
            if (d == to) break;
        }
        return list;
    }
}
