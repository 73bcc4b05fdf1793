using System.Text;
using Entraide.App.Knowledge.Search;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.Bench.Knowledge;

/// <summary>
/// A deterministic corpus of provisions in the six languages. Each language has a vocabulary of real
/// legal words (the taxonomy's labels and keywords) and several thousand pseudo-words in its own script,
/// drawn with a Zipf distribution as words are in real text. The words each provision holds are known,
/// so the documents that truly contain a query's words (the ground truth for recall) are counted
/// while generating.
/// </summary>
public sealed class ProvisionGenerator
{
    public const int VocabularySize = 5000;
    private static readonly string[] States = ["FRA", "BRA", "CHN", "USA", "EGY", "NGA", "IND", "JPN", "AUS", "MEX", "GBR", "ZAF", "DEU", "RUS",
        "ARG", "KEN"];
    private readonly Dictionary<string, string[]> _vocabulary = [];
    private readonly double[] _cumulative;

    public ProvisionGenerator(int seed = 20241224)
    {
        var random = new Random(seed);
        foreach (var language in Languages.All)
        {
            var real = OffenceTaxonomy.Current.Terms.SelectMany(t => t.Names()).Where(n => n.Language == language)
                .SelectMany(n => Split(language, n.Text)).Distinct().ToList();
            var words = new List<string>(real);
            var seen = new HashSet<string>(words);
            while (words.Count < VocabularySize)
            {
                var w = PseudoWord(language, random);
                if (seen.Add(w)) words.Add(w);
            }
            // Shuffle so that real and pseudo-words share the frequency ranks.
            _vocabulary[language] = [.. words.OrderBy(_ => random.Next())];
        }
        _cumulative = new double[VocabularySize];
        double sum = 0;
        for (var r = 0; r < VocabularySize; r++) { sum += 1.0 / (r + 1); _cumulative[r] = sum; }
        for (var r = 0; r < VocabularySize; r++) _cumulative[r] /= sum;
    }

    private static IEnumerable<string> Split(string language, string text) =>
        language == Languages.Chinese ? [text] : text.Split([' ', '’', '\'', ',', '-'],
            StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3);

    private static string PseudoWord(string language, Random random)
    {
        var (alphabet, min, max) = language switch
        {
            Languages.Arabic => ("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", 4, 7),
            Languages.Russian => ("абвгдежзиклмнопрстуфхцчшщыэюя", 5, 9),
            Languages.Chinese => (
                "计算机网络信息数据系统安全访问非法犯罪处罚刑事法律国家规定违反情节严重后果服务提供" +
                "单位个人组织管理技术设备程序资料通信传输存储删除修改干扰破坏侵入获取控制使用传播" +
                "诈骗盗窃伪造儿童图像恐怖主义著作权身份勒索",
                2,
                2),
            _ => ("abcdefghilmnoprstuv", 5, 9),
        };
        var sb = new StringBuilder();
        var length = random.Next(min, max + 1);
        for (var i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
        return sb.ToString();
    }

    public string Word(string language, int rank) => _vocabulary[language][rank];

    private int DrawRank(Random random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble());
        return i < 0 ? ~i : i;
    }

    /// <summary>The fixed queries: per language, three two-word and two one-word queries of mid-frequency words.</summary>
    public IReadOnlyList<(string Language, string[] Words)> Queries()
    {
        var list = new List<(string, string[])>();
        foreach (var l in Languages.All)
        {
            list.Add((l, [Word(l, 40), Word(l, 90)]));
            list.Add((l, [Word(l, 120), Word(l, 60)]));
            list.Add((l, [Word(l, 200), Word(l, 30)]));
            list.Add((l, [Word(l, 150)]));
            list.Add((l, [Word(l, 400)]));
        }
        return list;
    }

    public static string QueryText(string language, string[] words) => string.Join(language == Languages.Chinese ? "" : " ", words);

    /// <summary>Provision <paramref name="i"/>, with the ranks of the words it holds.</summary>
    public (IndexItem Item, HashSet<string> Words) Provision(int i)
    {
        var random = new Random(i * 7919 + 17);
        var language = Languages.All[i % Languages.All.Count];
        var count = random.Next(25, 41);
        var words = new List<string>(count);
        for (var k = 0; k < count; k++) words.Add(Word(language, DrawRank(random)));
        var separator = language == Languages.Chinese ? "" : " ";
        var sb = new StringBuilder();
        for (var k = 0; k < words.Count; k++)
        {
            sb.Append(words[k]);
            // Punctuation every few words, so Chinese text is not one unbroken run.
            sb.Append(k % 6 == 5 ? (language == Languages.Chinese ? "，" : ", ") : separator);
        }
        var terms = OffenceTaxonomy.Current.Terms;
        var term = terms[random.Next(terms.Count)].Code;
        var state = States[random.Next(States.Length)];
        var date = new DateOnly(1990 + random.Next(35), 1 + random.Next(12), 1 + random.Next(28));
        var item = new IndexItem("provision:" + i, "law:" + (i / 20), KnowledgeIndexer.ProvisionType, state, [term], language, date,
            "Law " + (i / 20), "Art. " + (i % 20 + 1), sb.ToString().Trim(), Guid.Empty, false);
        return (item, words.ToHashSet());
    }
}
