using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Cooperation.Pages;

/// <summary>A State's requests: incoming through the viewer's roles, or outgoing; new, due soon, overdue.</summary>
[Authorize(Roles = Roles.Investigator + "," + Roles.CentralAuthority + "," + Roles.PointOfContact)]
public sealed class InboxModel(RequestQueries queries, ErrorMessages errors, ICurrentActor actor) : PageModel
{
    public InboxPage? Inbox { get; private set; }
    public string Box { get; private set; } = "incoming";
    public string? Bucket { get; private set; }
    public string? Type { get; private set; }
    public string? Status { get; private set; }
    public string? Query { get; private set; }
    public string? Assigned { get; private set; }
    public List<string> Errors { get; } = [];
    public bool CanDraft => actor.Current.StateCode is not null;

    /// <summary>A bucket's count in the page's language; at the limit, "1,000+" (in that language's digits and separators).</summary>
    public static string Count(int n) =>
        n >= InboxCounts.CountLimit ? InboxCounts.CountLimit.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + "+"
            : n.ToString(System.Globalization.CultureInfo.CurrentCulture);

    public async Task OnGetAsync(string? box, string? bucket, string? type, string? status, string? q, int? p, string? assigned, CancellationToken ct)
    {
        Box = box == "outgoing" ? "outgoing" : "incoming";
        Bucket = bucket; Type = type; Status = status; Query = q; Assigned = assigned;
        try
        {
            Inbox = await queries.InboxAsync(new InboxQuery(Box, bucket, type, status, q, Math.Max(1, p ?? 1), 50, assigned), ct);
        }
        catch (DomainException ex) when (ex.Kind == FailureKind.Invalid)
        {
            Errors.AddRange(ex.Errors.Select(e => ProblemResponses.Describe(errors, e)));
            Inbox = await queries.InboxAsync(new InboxQuery(Box, null, null, null, null), ct);
        }
    }

    public string Link(string? box = null, string? bucket = null, int? page = null)
    {
        var parts = new List<string> { "box=" + Uri.EscapeDataString(box ?? Box) };
        if (bucket is not null && bucket.Length > 0) parts.Add("bucket=" + bucket);
        if (page is not null) parts.Add("p=" + page);
        if (!string.IsNullOrEmpty(Assigned)) parts.Add("assigned=" + Uri.EscapeDataString(Assigned));
        if (page is not null)
        {
            if (!string.IsNullOrEmpty(Type)) parts.Add("type=" + Uri.EscapeDataString(Type));
            if (!string.IsNullOrEmpty(Status)) parts.Add("status=" + Uri.EscapeDataString(Status));
            if (!string.IsNullOrEmpty(Query)) parts.Add("q=" + Uri.EscapeDataString(Query));
        }
        return "/requests?" + string.Join("&", parts);
    }

    /// <summary>The current filters as a query string (box, bucket, type, status, search, assignment), for the export links.</summary>
    public string Filters()
    {
        var parts = new List<string> { "box=" + Uri.EscapeDataString(Box) };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("bucket", Bucket);
        Add("type", Type);
        Add("status", Status);
        Add("q", Query);
        Add("assigned", Assigned);
        return string.Join("&", parts);
    }
}
