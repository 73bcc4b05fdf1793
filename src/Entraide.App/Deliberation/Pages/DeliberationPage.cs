using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Deliberation.Pages;

/// <summary>
/// What every Deliberation page shares: a failed command shows its localised messages, each tied to
/// its field when it has one, and the form keeps what the user typed.
/// </summary>
public abstract class DeliberationPage(ErrorMessages messages) : PageModel
{
    public List<string> Errors { get; } = [];
    public Dictionary<string, List<string>> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? Done { get; set; }

    public string Language => CultureCookie.Current;

    public string? ErrorFor(string field) => FieldErrors.TryGetValue(field, out var l) ? string.Join(" ", l) : null;

    public bool Invalid(string field) => FieldErrors.ContainsKey(field);

    /// <summary>Runs a command; a rule it breaks becomes messages on the page instead of an error page. Not-found still answers 404.</summary>
    protected async Task<bool> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (DomainException e) when (e.Kind is FailureKind.Invalid or FailureKind.Conflict)
        {
            foreach (var error in e.Errors)
            {
                var text = ProblemResponses.Describe(messages, error);
                if (error.Field is { } f && e.Kind == FailureKind.Invalid)
                {
                    if (!FieldErrors.TryGetValue(f, out var list)) FieldErrors[f] = list = [];
                    list.Add(text);
                }
                else Errors.Add(text);
            }
            return false;
        }
    }
}
