using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Knowledge;
using Entraide.App.Network;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Cooperation.Pages;

/// <summary>
/// The drafting assistant: pick the type and the requested State, then fill exactly the fields the
/// article requires, with the requested State's profile and the dual-criminality answer beside the form.
/// A draft saves whatever is typed; sending checks everything and names each missing field.
/// </summary>
[Authorize(Roles = Roles.Investigator + "," + Roles.CentralAuthority + "," + Roles.PointOfContact)]
public sealed class DraftModel(RequestQueries queries, IStateProfiles profiles, StateDirectory states, ErrorMessages errors, ICurrentActor actor)
    : PageModel
{
    public Guid? Id { get; private set; }
    public TypeSpec? Spec { get; private set; }
    public string? To { get; private set; }
    public string Language { get; private set; } = "en";
    public string? Channel { get; private set; }
    public bool Confidential { get; private set; }
    public Dictionary<string, string?> Values { get; private set; } = new();
    public IReadOnlyList<string> Terms { get; private set; } = [];
    public DateOnly? Deadline { get; private set; }
    public string? DeadlineReasons { get; private set; }
    public CooperationProfile? Profile { get; private set; }
    public DualCriminalityAnswer? DualCriminality { get; private set; }
    public IReadOnlyList<(string Code, string Name)> StateChoices { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = [];
    public bool Saved { get; private set; }
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString();
    public bool CanSubmit =>
        Spec is not null && RequestLifecycle.ActingRoles(Spec, Side.Requesting, RequestAction.Submit).Any(actor.Current.Roles.Contains);
    public string Own => actor.Current.StateCode ?? "";

    public async Task<IActionResult> OnGetAsync(Guid? id, string? type, string? to, bool saved, CancellationToken ct)
    {
        Saved = saved;
        if (id is { } existing)
        {
            var view = await queries.GetAsync(existing, ct);
            if (view.Status != "draft" || view.Side != "requesting") return Redirect($"/requests/{existing}");
            Id = existing;
            RequestCatalogue.TryParse(view.Type, out var spec);
            Spec = spec;
            To = view.RequestedState;
            Language = view.Language;
            Channel = view.Channel;
            Confidential = view.Confidential;
            Values = new Dictionary<string, string?>(view.Fields ?? new Dictionary<string, string?>());
            Terms = view.ConductTerms;
            Deadline = view.Deadline is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null;
            DeadlineReasons = view.DeadlineReasons;
        }
        else
        {
            if (RequestCatalogue.TryParse(type, out var spec)) Spec = spec;
            To = states.TryGet(to?.Trim().ToUpperInvariant(), out var s) && s.Iso3 != Own ? s.Iso3 : null;
            Language = CultureCookie.Current;
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, [FromServices] DraftRequestHandler draft, [FromServices] UpdateDraftHandler update,
        CancellationToken ct) =>
        SaveAsync(id, draft, update, null, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid? id, [FromServices] DraftRequestHandler draft, [FromServices] UpdateDraftHandler update,
        [FromServices] SubmitDraftHandler submit, CancellationToken ct) =>
        SaveAsync(id, draft, update, submit, ct);

    // Saves the draft as typed, then sends it when asked: a draft that cannot be sent yet is kept.
    private async Task<IActionResult> SaveAsync(Guid? id, DraftRequestHandler draft, UpdateDraftHandler update, SubmitDraftHandler? submit,
        CancellationToken ct)
    {
        var form = Request.Form;
        RequestCatalogue.TryParse(form["type"], out var spec);
        Spec = spec;
        To = form["requestedState"].ToString().Trim().ToUpperInvariant();
        Language = form["language"].ToString();
        Channel = form["channel"].ToString() is { Length: > 0 } c ? c : null;
        Confidential = form["confidential"] == "true";
        Values = spec?.Fields.ToDictionary(f => f.Name, f => (string?)form["f." + f.Name].ToString()) ?? new();
        Terms = [.. form["terms"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!)];
        Deadline = DateOnly.TryParse(form["deadline"], System.Globalization.CultureInfo.InvariantCulture, out var dl) ? dl : null;
        DeadlineReasons = form["deadlineReasons"];
        IdempotencyKey = form["idempotencyKey"].ToString() is { Length: > 0 } k ? k : IdempotencyKey;
        var cmd = new DraftRequest(spec?.Code ?? form["type"], To, Language, Channel, Confidential, Values, Terms,
            Deadline is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero) : null, DeadlineReasons);
        Id = id;
        try
        {
            var r = Id is { } existing ? await update.HandleAsync(existing, cmd, ct) : await draft.HandleAsync(cmd, ct);
            Id = r.Id;
            if (submit is null) return Redirect($"/requests/draft/{r.Id}?saved=true");
            await submit.HandleAsync(new SubmitDraft(r.Id, IdempotencyKey), ct);
            return Redirect($"/requests/{r.Id}?sent=true");
        }
        catch (DomainException ex) when (ex.Kind is FailureKind.Invalid or FailureKind.Conflict or FailureKind.Forbidden)
        {
            foreach (var e in ex.Errors)
            {
                var message = ProblemResponses.Describe(errors, e);
                if (e.Field is { } f && !FieldErrors.ContainsKey(f)) FieldErrors[f] = message;
                Errors.Add(message);
            }
            // Saved as a draft even though sending failed: the next attempt is a new submission.
            Saved = Id is not null;
            IdempotencyKey = Guid.NewGuid().ToString();
            Response.StatusCode = ex.Kind == FailureKind.Invalid ? StatusCodes.Status422UnprocessableEntity : ProblemResponses.StatusOf(ex.Kind);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var lang = CultureCookie.Current;
        StateChoices = [.. states.Sorted(lang).Where(s => s.Iso3 != Own).Select(s => (s.Iso3, states.ListName(s.Iso3, lang)))];
        if (To is not null && states.Exists(To))
        {
            Profile = await profiles.GetCooperationProfileAsync(To, ct);
            DualCriminality = await queries.DualCriminalityAsync(Terms, To, ct);
        }
    }

    /// <summary>The core conduct, then the optional categories of the taxonomy (which a requested State may criminalise on its declaration
    /// only).</summary>
    public static IReadOnlyList<string> ConductTerms { get; } =
        [.. OffenceTerms.Core, .. OffenceTaxonomy.Current.OfKind(TermKind.Optional).Select(t => t.Code)];

    /// <summary>The signed-in user's State: the requesting side of the draft.</summary>
    public string? OwnState => actor.Current.StateCode;

    public string StateName(string code) => states.Exists(code) ? states.ListName(code, CultureCookie.Current) : code;
}
