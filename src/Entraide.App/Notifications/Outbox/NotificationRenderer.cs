using System.Globalization;
using System.Resources;
using System.Text.Json;
using Entraide.Domain.Common;

namespace Entraide.App.Notifications.Outbox;

/// <summary>
/// Renders a notification in a given language, whatever the language of the current request: the
/// inbox uses the reader's language, an e-mail its recipient's preferred language.
/// </summary>
public sealed class NotificationRenderer
{
    private static readonly ResourceManager Resources = new(typeof(NotificationsText));

    /// <summary>
    /// The text <paramref name="key"/> of <see cref="NotificationsText"/> in <paramref name="language"/>; the key itself when there is none.
    /// </summary>
    public string Get(string key, string language) => Resources.GetString(key, CultureOf(language)) ?? key;

    public string Title(NotificationMessage m, string language) => Format(m.Kind + ".title", m, language, fallback: m.Kind);

    public string Body(NotificationMessage m, string language) => Format(m.Kind + ".body", m, language, fallback: "");

    public static IReadOnlyList<string> ArgumentsOf(NotificationMessage m)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(m.Arguments) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Arguments that are codes (a request's status, its type) rather than words: shown in the reader's
    /// language through the texts <c>{prefix}{code}</c>, never raw ("executed", "emergency").
    /// </summary>
    private static readonly Dictionary<string, (int Index, string Prefix)[]> CodedArguments = new(StringComparer.Ordinal)
    {
        [Entraide.Domain.Notifications.NotificationKinds.RequestReceived] = [(2, "type.")],
        [Entraide.Domain.Notifications.NotificationKinds.RequestStatusChanged] = [(1, "status.")],
    };

    /// <summary>The notification's arguments as the reader sees them: codes replaced by their text in <paramref name="culture"/>.</summary>
    private static IReadOnlyList<string> LocalisedArguments(NotificationMessage m, CultureInfo culture)
    {
        var args = ArgumentsOf(m).ToArray();
        if (!CodedArguments.TryGetValue(m.Kind, out var coded)) return args;
        foreach (var (index, prefix) in coded)
        {
            if (index < args.Length && Resources.GetString(prefix + args[index], culture) is { } text) args[index] = text;
        }
        return args;
    }

    private static CultureInfo CultureOf(string language) => Languages.Culture(Languages.Normalise(language) ?? Languages.Default);

    private static string Format(string key, NotificationMessage m, string language, string fallback)
    {
        var culture = CultureOf(language);
        var template = Resources.GetString(key, culture);
        var args = LocalisedArguments(m, culture);
        // A kind added by a module before its texts exist still reads sensibly.
        if (template is null) return args.Count == 0 ? fallback : fallback + " — " + string.Join(", ", args);
        // Missing arguments print as nothing rather than failing the whole inbox.
        var padded = args.Cast<object>().Concat(Enumerable.Repeat<object>("", 10)).ToArray();
        try
        {
            return string.Format(culture, template, padded);
        }
        catch (FormatException)
        {
            return template;
        }
    }
}
