using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class DualCriminalityModel(IDualCriminality service, StateDirectory states, ErrorMessages errors) : KnowledgePage(states)
{
    public string? Requesting { get; private set; }
    public string? Requested { get; private set; }
    public IReadOnlyList<string> Terms { get; private set; } = [];
    public DateOnly? On { get; private set; }
    public DualCriminalityAnswer? Answer { get; private set; }
    public List<(string? Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public async Task OnGetAsync(string? requesting, string? requested, string[]? terms, DateOnly? on, CancellationToken ct)
    {
        Requesting = requesting?.ToUpperInvariant();
        Requested = requested?.ToUpperInvariant();
        Terms = terms ?? [];
        On = on;
        // An empty form is a first visit, not a mistake.
        if (Requesting is null && Requested is null && Terms.Count == 0) return;
        try
        {
            Answer = await service.CheckAsync(new DualCriminalityQuestion(Terms, Requesting ?? "", Requested ?? "", on), ct);
        }
        catch (DomainException ex) when (ex.Kind == FailureKind.Invalid)
        {
            Errors.AddRange(ex.Errors.Select(e => (e.Field, ProblemResponses.Describe(errors, e))));
        }
    }
}
