using Entraide.App.Cooperation.Requests;

namespace Entraide.App.Cooperation.Dashboard;

/// <summary>One clock running on a request: when the acknowledgement, the requester's deadline or a preservation falls due.</summary>
/// <param name="Kind"><c>acknowledge</c>, <c>deadline</c> or <c>preservation</c>.</param>
public sealed record DashboardClock(Guid RequestId, string Reference, string Kind, DateTimeOffset At, bool Emergency, bool Incoming);

/// <summary>How many clocks fall due on one day (UTC); <see cref="Overdue"/> for the bar of those already past.</summary>
public sealed record ChartBar(DateOnly? Day, int Count, int Emergencies)
{
    public bool Overdue => Day is null;
}

/// <param name="Due">Incoming requests due soon.</param>
/// <param name="Overdue">Incoming requests past a deadline.</param>
/// <param name="AwaitingMe">Open requests the viewer's State put the viewer in charge of.</param>
/// <param name="Emergencies">Incoming emergency requests nobody acknowledged yet.</param>
/// <param name="Partial">
/// Whether a list the figures are read from holds more than <see cref="DashboardQueries.Sample"/> requests: then
/// <see cref="AwaitingMe"/>, <see cref="Emergencies"/>, the chart and the clocks count only those, and say so.
/// </param>
public sealed record DashboardView(int New, int Due, int Overdue, int AwaitingMe, int Emergencies, IReadOnlyList<DashboardClock> Clocks,
    IReadOnlyList<ChartBar> Chart, DateTimeOffset Now, bool Partial = false, bool AwaitingMePartial = false, bool EmergenciesPartial = false);

/// <summary>
/// The signed-in officer's working day, read through the same inbox query as the inbox (so the same isolation and
/// lanes): what is new, due, overdue, assigned to the viewer, the open emergencies, and the clocks of the coming week.
/// </summary>
public sealed class DashboardQueries(RequestQueries queries, TimeProvider clock)
{
    public const int ChartDays = 7;
    public const int ListedClocks = 15;
    public const int Sample = RequestQueries.MaxPageSize;

    public async Task<DashboardView> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var incoming = await queries.InboxAsync(new InboxQuery("incoming", null, null, null, null, 1, 1), ct);
        var mine = await queries.InboxAsync(new InboxQuery("incoming", null, null, null, null, 1, Sample, "me"), ct);
        var mineOut = await queries.InboxAsync(new InboxQuery("outgoing", null, null, null, null, 1, Sample, "me"), ct);
        var emergencies = await queries.InboxAsync(new InboxQuery("incoming", null, "emergency", null, null, 1, Sample), ct);
        var dueIn = await queries.InboxAsync(new InboxQuery("incoming", "due-soon", null, null, null, 1, Sample), ct);
        var overdueIn = await queries.InboxAsync(new InboxQuery("incoming", "overdue", null, null, null, 1, Sample), ct);
        var outgoing = await queries.InboxAsync(new InboxQuery("outgoing", null, "preservation", "executed", null, 1, Sample), ct);

        var clocks = new List<DashboardClock>();
        var seen = new HashSet<(Guid, string)>();
        void Add(RequestListItem i, bool incomingBox)
        {
            if (i.AcknowledgementPending && i.AcknowledgeBy is { } by && incomingBox) Keep(i, "acknowledge", by, incomingBox);
            if (i.Deadline is { } d && i.DeadlineState != "met") Keep(i, "deadline", d, incomingBox);
            if (i.PreservationExpiresAt is { } p && p >= now && p <= now.AddDays(14)) Keep(i, "preservation", p, incomingBox);
        }
        void Keep(RequestListItem i, string kind, DateTimeOffset at, bool incomingBox)
        {
            if (seen.Add((i.Id, kind))) clocks.Add(new DashboardClock(i.Id, i.Reference, kind, at, i.Emergency, incomingBox));
        }
        foreach (var i in overdueIn.Items.Concat(dueIn.Items).Concat(mine.Items)) Add(i, true);
        foreach (var i in outgoing.Items.Concat(mineOut.Items)) Add(i, false);
        clocks.Sort((a, b) => a.At.CompareTo(b.At));

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var chart = new List<ChartBar> { Bar(null, clocks.Where(c => c.At < now)) };
        for (var d = 0; d < ChartDays; d++)
        {
            var day = today.AddDays(d);
            chart.Add(Bar(day, clocks.Where(c => c.At >= now && DateOnly.FromDateTime(c.At.UtcDateTime) == day)));
        }
        var awaiting = mine.Items.Concat(mineOut.Items).Count(i => i.Status is not ("executed" or "refused" or "withdrawn"));
        var partial = new[] { mine, mineOut, emergencies, dueIn, overdueIn, outgoing }.Any(p => p.HasMore);
        return new DashboardView(incoming.Counts.New, incoming.Counts.DueSoon, incoming.Counts.Overdue, awaiting,
            emergencies.Items.Count(i => i.AcknowledgementPending), clocks, chart, now, partial,
            mine.HasMore || mineOut.HasMore, emergencies.HasMore);
    }

    private static ChartBar Bar(DateOnly? day, IEnumerable<DashboardClock> clocks)
    {
        var list = clocks.ToList();
        return new ChartBar(day, list.Count, list.Count(c => c.Emergency));
    }
}
