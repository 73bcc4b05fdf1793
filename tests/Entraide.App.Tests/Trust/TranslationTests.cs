using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Entraide.App.Tests.Trust;

/// <summary>Every text of every page and message exists in the six official languages, with the same placeholders.</summary>
public sealed partial class TranslationTests
{
    private static readonly string[] Others = ["fr", "es", "ru", "ar", "zh"];

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        var resources = typeof(Program).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal));
        foreach (var name in resources.Order())
            data.Add(name[..^".resources".Length]);
        return data;
    }

    [Fact]
    public void TheApplication_HasTextResources() => Assert.True(ResourceSets().Count >= 2);

    [Theory, MemberData(nameof(ResourceSets))]
    public void EveryKey_IsTranslatedIntoEveryLanguage_WithTheSamePlaceholders(string baseName)
    {
        var rm = new ResourceManager(baseName, typeof(Program).Assembly);
        var neutral = Entries(rm.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        Assert.NotEmpty(neutral);
        var problems = new List<string>();
        foreach (var lang in Others)
        {
            var set = rm.GetResourceSet(CultureInfo.GetCultureInfo(lang), true, false);
            if (set is null)
            {
                problems.Add($"{lang}: no {baseName}.{lang}.resx");
                continue;
            }
            var translated = Entries(set);
            foreach (var (key, text) in neutral)
            {
                if (!translated.TryGetValue(key, out var t) || string.IsNullOrWhiteSpace(t)) problems.Add($"{lang}: '{key}' missing");
                else if (!Placeholders(text).SetEquals(Placeholders(t))) problems.Add($"{lang}: '{key}' placeholders differ");
            }
            foreach (var key in translated.Keys.Except(neutral.Keys)) problems.Add($"{lang}: '{key}' not in the English file");
        }
        Assert.True(problems.Count == 0, baseName + ": " + string.Join("; ", problems));
    }

    private static Dictionary<string, string> Entries(ResourceSet set)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in set) if (e.Value is string s) d[(string)e.Key] = s;
        return d;
    }

    private static HashSet<string> Placeholders(string s) => [.. Placeholder().Matches(s).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
