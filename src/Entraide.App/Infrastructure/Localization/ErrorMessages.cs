using Microsoft.Extensions.Localization;

namespace Entraide.App.Infrastructure.Localization;

/// <summary>
/// Declares that a module's resource class also holds error messages, so its own rule codes are
/// localised in problem details without touching the shared <see cref="ErrorText"/>.
/// Register with <c>services.AddSingleton(new ErrorTextSource(typeof(MyModuleText)))</c>.
/// </summary>
public sealed record ErrorTextSource(Type ResourceType);

/// <summary>Looks an error code up in <see cref="ErrorText"/> first, then in each module's texts.</summary>
public sealed class ErrorMessages(IStringLocalizerFactory factory, IEnumerable<ErrorTextSource> sources)
{
    private readonly IStringLocalizer[] _localizers =
        [factory.Create(typeof(ErrorText)), .. sources.Select(s => factory.Create(s.ResourceType))];

    public LocalizedString this[string key, params object[] args]
    {
        get
        {
            foreach (var l in _localizers)
            {
                // Without arguments, look the text up unformatted: a message with placeholders
                // (e.g. "required.article") must not fail when only its existence is asked.
                var s = args.Length == 0 ? l[key] : l[key, args];
                if (!s.ResourceNotFound) return s;
            }
            return new LocalizedString(key, key, resourceNotFound: true);
        }
    }
}
