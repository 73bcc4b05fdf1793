using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Entraide.App.Notifications;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;

namespace Entraide.App.Tests.Notifications;

public sealed partial class TextsTests
{
    private static readonly ResourceManager Resources = new(typeof(NotificationsText));

    private static IReadOnlyList<string> Keys()
    {
        // The manager caches its sets: they must not be disposed here.
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!;
        return [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key)];
    }

    [Fact]
    public void EveryKey_IsTranslatedInTheSixLanguages_WithTheSamePlaceholders()
    {
        var problems = new List<string>();
        foreach (var key in Keys())
        {
            var english = Resources.GetString(key, CultureInfo.InvariantCulture)!;
            foreach (var lang in Languages.All.Where(l => l != Languages.English))
            {
                var set = Resources.GetResourceSet(Languages.Culture(lang), true, false);
                var own = set?.GetString(key);
                // Culture-specific sets (zh-CN) fall back to their neutral parent (zh).
                own ??= Resources.GetResourceSet(CultureInfo.GetCultureInfo(lang), true, false)?.GetString(key);
                if (own is null) { problems.Add($"{lang}: {key} missing"); continue; }
                if (!Placeholders(english).SetEquals(Placeholders(own))) problems.Add($"{lang}: {key} placeholders differ");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryKind_HasATitleABodyAndALabel()
    {
        var keys = Keys().ToHashSet();
        foreach (var kind in NotificationKinds.All)
        {
            Assert.Contains(kind + ".title", keys);
            Assert.Contains(kind + ".body", keys);
            Assert.Contains("event." + kind, keys);
        }
    }

    private static HashSet<string> Placeholders(string s) => [.. PlaceholderPattern().Matches(s).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
