using Entraide.Domain.Common;

namespace Entraide.Domain.Knowledge;

/// <summary>Which chapter of the Convention a term belongs to, which decides how gap analysis counts it.</summary>
public enum TermKind
{
    /// <summary>An offence every State Party criminalises (Arts 7–17), and participation and attempt (Art. 26).</summary>
    Core,
    /// <summary>An offence some Member States proposed (A/AC.291/4) that a State may or may not criminalise.</summary>
    Optional,
    /// <summary>A procedural power the Convention asks States to give their authorities (Arts 25–30).</summary>
    Procedural,
}

/// <summary>
/// One term of the taxonomy of conduct. <see cref="Keywords"/> are other words people use for the
/// conduct (e.g. "hacking"), per language, so a search in plain words still reaches the term.
/// </summary>
public sealed record TaxonomyTerm(
    string Code,
    TermKind Kind,
    string? Article,
    string? BudapestArticle,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string[]> Keywords,
    string Since)
{
    public string Label(string language) =>
        Labels.TryGetValue(language, out var l) ? l : Labels[Languages.English];

    /// <summary>Every label and keyword in every language: what a query is matched against.</summary>
    public IEnumerable<(string Language, string Text)> Names() =>
        Labels.Select(l => (l.Key, l.Value)).Concat(Keywords.SelectMany(k => k.Value.Select(v => (k.Key, v))));
}

/// <summary>
/// The taxonomy of conduct against which national provisions are tagged. It is versioned: a term
/// records the version that introduced it, so a profile computed under an older version can be
/// told apart from one that simply lacks a newer term. Codes are stable and never reused.
/// </summary>
public sealed class OffenceTaxonomy
{
    /// <summary>2024.1: the Convention as adopted (resolution 79/243) with the optional categories of A/AC.291/4.</summary>
    public const string FirstVersion = "2024.1";

    /// <summary>2024.2: adds participation and attempt (Art. 26), the criminalisation article 2024.1 left out.</summary>
    public const string CurrentVersion = "2024.2";

    private readonly Dictionary<string, TaxonomyTerm> _byCode;

    public OffenceTaxonomy(string version, IReadOnlyList<TaxonomyTerm> terms)
    {
        Version = version;
        Terms = terms;
        _byCode = terms.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    public string Version { get; }
    public IReadOnlyList<TaxonomyTerm> Terms { get; }

    public IEnumerable<TaxonomyTerm> OfKind(TermKind kind) => Terms.Where(t => t.Kind == kind);

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    public TaxonomyTerm this[string code] => _byCode[code];

    public bool TryGet(string? code, out TaxonomyTerm term)
    {
        if (code is not null && _byCode.TryGetValue(code, out var t)) { term = t; return true; }
        term = null!;
        return false;
    }

    /// <summary>Offence terms (core and optional), which can carry a penalty; procedural powers cannot.</summary>
    public bool IsOffence(string code) => TryGet(code, out var t) && t.Kind != TermKind.Procedural;

    public static OffenceTaxonomy Current { get; } = new(CurrentVersion, TaxonomyTerms.Build());
}

/// <summary>Codes of the optional categories and procedural powers, beside <see cref="OffenceTerms"/>.</summary>
public static class OptionalTerms
{
    public const string CriticalInfrastructure = "critical-infrastructure";
    public const string IdentityTheft = "identity-theft";
    public const string RansomwareExtortion = "ransomware-extortion";
    public const string Copyright = "copyright";
    public const string TerroristUse = "terrorist-use";
    public const string IncitementToHatred = "incitement-hatred";
    public const string IllicitTrafficking = "illicit-trafficking";
}

public static class ProceduralPowers
{
    public const string Preservation = "preservation";
    public const string Production = "production";
    public const string SearchAndSeizure = "search-seizure";
    public const string RealTimeCollection = "real-time-collection";
    public const string Interception = "interception";
}

internal static class TaxonomyTerms
{
    private static TaxonomyTerm T(
        string code,
        TermKind kind,
        string? art,
        string? budapest,
        string ar,
        string zh,
        string en,
        string fr,
        string ru,
        string es,
        params (string Lang, string Word)[] keywords) =>
        new(code, kind, art, budapest,
            new Dictionary<string, string>
            {
                ["ar"] = ar,
                ["zh"] = zh,
                ["en"] = en,
                ["fr"] = fr,
                ["ru"] = ru,
                ["es"] = es,
            },
            keywords.GroupBy(k => k.Lang).ToDictionary(g => g.Key, g => g.Select(k => k.Word).ToArray()),
            code == OffenceTerms.ParticipationAndAttempt ? OffenceTaxonomy.CurrentVersion : OffenceTaxonomy.FirstVersion);

    public static IReadOnlyList<TaxonomyTerm> Build() =>
    [
        T(OffenceTerms.IllegalAccess, TermKind.Core, "7", "2",
            "الدخول غير المشروع",
            "非法访问",
            "Illegal access",
            "Accès illicite",
            "Неправомерный доступ",
            "Acceso ilícito",
            ("en", "hacking"),
            ("en", "unauthorised access"),
            ("fr", "piratage"),
            ("fr", "accès frauduleux"),
            ("es", "acceso no autorizado"),
            ("ru", "несанкционированный доступ"),
            ("zh", "黑客"),
            ("zh", "入侵"),
            ("ar", "اختراق")),
        T(OffenceTerms.IllegalInterception, TermKind.Core, "8", "3",
            "الاعتراض غير المشروع",
            "非法截获",
            "Illegal interception",
            "Interception illicite",
            "Неправомерный перехват",
            "Interceptación ilícita",
            ("en", "wiretapping"),
            ("fr", "écoute"),
            ("es", "intercepción"),
            ("ru", "перехват"),
            ("zh", "窃听"),
            ("ar", "تنصت")),
        T(OffenceTerms.DataInterference, TermKind.Core, "9", "4",
            "التدخل في البيانات الإلكترونية",
            "干扰电子数据",
            "Interference with electronic data",
            "Atteinte à l’intégrité des données",
            "Вмешательство в электронные данные",
            "Interferencia en los datos electrónicos",
            ("en", "data deletion"),
            ("fr", "altération de données"),
            ("es", "daño informático"),
            ("ru", "уничтожение данных"),
            ("zh", "删除数据"),
            ("ar", "إتلاف البيانات")),
        T(OffenceTerms.SystemInterference, TermKind.Core, "10", "5",
            "التدخل في نظم تكنولوجيا المعلومات والاتصالات",
            "干扰信息和通信技术系统",
            "Interference with an ICT system",
            "Atteinte à l’intégrité d’un système",
            "Вмешательство в работу систем ИКТ",
            "Interferencia en un sistema de TIC",
            ("en", "denial of service"),
            ("en", "DDoS"),
            ("fr", "déni de service"),
            ("es", "denegación de servicio"),
            ("ru", "отказ в обслуживании"),
            ("zh", "拒绝服务"),
            ("ar", "حجب الخدمة")),
        T(OffenceTerms.MisuseOfDevices, TermKind.Core, "11", "6",
            "إساءة استعمال الأجهزة",
            "滥用器械",
            "Misuse of devices",
            "Abus de dispositifs",
            "Неправомерное использование устройств",
            "Uso indebido de dispositivos",
            ("en", "malware"),
            ("fr", "logiciel malveillant"),
            ("es", "programa malicioso"),
            ("ru", "вредоносная программа"),
            ("zh", "恶意软件"),
            ("ar", "برمجيات خبيثة")),
        T(OffenceTerms.ComputerForgery, TermKind.Core, "12", "7",
            "التزوير المتصل بتكنولوجيا المعلومات والاتصالات",
            "与信息和通信技术系统有关的伪造",
            "ICT-related forgery",
            "Falsification informatique",
            "Подлог с использованием ИКТ",
            "Falsificación relacionada con las TIC",
            ("en", "forgery"),
            ("fr", "faux"),
            ("es", "falsificación"),
            ("ru", "подделка"),
            ("zh", "伪造"),
            ("ar", "تزوير")),
        T(OffenceTerms.ComputerFraud, TermKind.Core, "13", "8",
            "السرقة أو الاحتيال المتصلان بتكنولوجيا المعلومات والاتصالات",
            "与信息和通信技术系统有关的盗窃或诈骗",
            "ICT-related theft or fraud",
            "Vol ou fraude informatique",
            "Хищение или мошенничество с использованием ИКТ",
            "Hurto o fraude relacionados con las TIC",
            ("en", "fraud"),
            ("en", "phishing"),
            ("fr", "escroquerie"),
            ("fr", "hameçonnage"),
            ("es", "estafa"),
            ("ru", "мошенничество"),
            ("zh", "诈骗"),
            ("ar", "احتيال")),
        T(OffenceTerms.ChildSexualAbuseMaterial, TermKind.Core, "14", "9",
            "مواد الاعتداء الجنسي على الأطفال أو استغلالهم جنسيا على الإنترنت",
            "网上儿童性虐待或性剥削材料",
            "Online child sexual abuse or exploitation material",
            "Contenus d’abus ou d’exploitation sexuels d’enfants en ligne",
            "Материалы со сценами сексуальных надругательств над детьми",
            "Material que muestre abusos sexuales de niños",
            ("en", "child pornography"),
            ("fr", "pédopornographie"),
            ("es", "pornografía infantil"),
            ("ru", "детская порнография"),
            ("zh", "儿童色情"),
            ("ar", "استغلال الأطفال في المواد الإباحية")),
        T(OffenceTerms.Grooming, TermKind.Core, "15", null,
            "استمالة الأطفال أو إغواؤهم",
            "引诱或诱骗儿童",
            "Solicitation or grooming of a child",
            "Sollicitation ou manipulation d’enfants",
            "Домогательство или склонение детей",
            "Captación o embaucamiento de niños",
            ("en", "grooming"),
            ("fr", "pédopiégeage"),
            ("es", "grooming"),
            ("ru", "груминг"),
            ("zh", "网络诱骗"),
            ("ar", "استدراج")),
        T(OffenceTerms.IntimateImages, TermKind.Core, "16", null,
            "نشر الصور الحميمة دون موافقة",
            "未经同意传播私密图像",
            "Non-consensual dissemination of intimate images",
            "Diffusion non consentie d’images intimes",
            "Распространение интимных изображений без согласия",
            "Difusión no consentida de imágenes íntimas",
            ("en", "revenge porn"),
            ("fr", "revanche pornographique"),
            ("es", "pornovenganza"),
            ("ru", "интимные изображения"),
            ("zh", "私密图像"),
            ("ar", "صور حميمة")),
        T(OffenceTerms.Laundering, TermKind.Core, "17", null,
            "غسل عائدات الجريمة",
            "洗钱",
            "Laundering of proceeds of crime",
            "Blanchiment du produit du crime",
            "Отмывание доходов от преступлений",
            "Blanqueo del producto del delito",
            ("en", "money laundering"),
            ("fr", "blanchiment"),
            ("es", "lavado de dinero"),
            ("ru", "отмывание денег"),
            ("zh", "洗黑钱"),
            ("ar", "غسل الأموال")),
        T(OffenceTerms.ParticipationAndAttempt, TermKind.Core, "26", "11",
            "المشاركة والشروع",
            "参与和未遂",
            "Participation and attempt",
            "Participation et tentative",
            "Соучастие и покушение",
            "Participación y tentativa",
            ("en", "aiding and abetting"),
            ("en", "accomplice"),
            ("fr", "complicité"),
            ("fr", "tentative"),
            ("es", "complicidad"),
            ("ru", "пособничество"),
            ("zh", "共犯"),
            ("ar", "الاشتراك")),

        T(OptionalTerms.CriticalInfrastructure, TermKind.Optional, null, null,
            "الاعتداء على البنى التحتية الحيوية للمعلومات",
            "攻击关键信息基础设施",
            "Attacks on critical information infrastructure",
            "Atteintes aux infrastructures d’information critiques",
            "Атаки на критическую информационную инфраструктуру",
            "Ataques a infraestructuras críticas de la información",
            ("fr", "infrastructures critiques"),
            ("fr", "infrastructures essentielles"),
            ("es", "infraestructura crítica"),
            ("ru", "КИИ")),
        T(OptionalTerms.IdentityTheft, TermKind.Optional, null, null,
            "انتحال الهوية",
            "盗用身份",
            "Identity theft",
            "Usurpation d’identité",
            "Кража личных данных",
            "Usurpación de identidad",
            ("en", "impersonation"),
            ("fr", "usurpation"),
            ("es", "suplantación de identidad"),
            ("ru", "хищение персональных данных"),
            ("zh", "冒用身份"),
            ("ar", "سرقة الهوية")),
        T(OptionalTerms.RansomwareExtortion, TermKind.Optional, null, null,
            "الابتزاز بواسطة برمجيات الفدية",
            "勒索软件敲诈",
            "Extortion by ransomware",
            "Extorsion par rançongiciel",
            "Вымогательство с помощью программ-вымогателей",
            "Extorsión mediante programas de secuestro",
            ("en", "ransomware"),
            ("en", "extortion"),
            ("fr", "extorsion"),
            ("fr", "rançongiciel"),
            ("es", "extorsión"),
            ("ru", "вымогательство"),
            ("zh", "勒索"),
            ("ar", "ابتزاز")),
        T(OptionalTerms.Copyright, TermKind.Optional, null, "10",
            "الجرائم المتصلة بالتعدي على حق المؤلف والحقوق المجاورة",
            "侵犯版权及相关权利",
            "Infringement of copyright and related rights",
            "Atteintes à la propriété intellectuelle et aux droits connexes",
            "Нарушение авторского права и смежных прав",
            "Infracciones de los derechos de autor y derechos afines",
            ("en", "piracy"),
            ("en", "intellectual property"),
            ("fr", "contrefaçon"),
            ("fr", "droit d’auteur"),
            ("es", "piratería"),
            ("ru", "контрафакт"),
            ("zh", "盗版"),
            ("ar", "قرصنة")),
        T(OptionalTerms.TerroristUse, TermKind.Optional, null, null,
            "استخدام تكنولوجيا المعلومات والاتصالات لأغراض إرهابية",
            "利用信息和通信技术实施恐怖主义",
            "Use of ICT for terrorist purposes",
            "Utilisation des TIC à des fins terroristes",
            "Использование ИКТ в террористических целях",
            "Uso de las TIC con fines terroristas",
            ("en", "terrorism"),
            ("fr", "terrorisme"),
            ("es", "terrorismo"),
            ("ru", "терроризм"),
            ("zh", "恐怖主义"),
            ("ar", "إرهاب")),
        T(OptionalTerms.IncitementToHatred, TermKind.Optional, null, null,
            "التحريض على الكراهية أو العنف أو التطرف",
            "煽动仇恨、暴力或极端主义",
            "Incitement to hatred, violence or extremism",
            "Incitation à la haine, à la violence ou à l’extrémisme",
            "Подстрекательство к ненависти, насилию или экстремизму",
            "Incitación al odio, la violencia o el extremismo",
            ("en", "extremism"),
            ("en", "xenophobia"),
            ("fr", "extrémisme"),
            ("fr", "xénophobie"),
            ("es", "extremismo"),
            ("ru", "экстремизм"),
            ("zh", "极端主义"),
            ("ar", "تطرف")),
        T(OptionalTerms.IllicitTrafficking, TermKind.Optional, null, null,
            "الاتجار غير المشروع بواسطة تكنولوجيا المعلومات والاتصالات",
            "利用信息和通信技术从事非法贩运",
            "Illicit trafficking by means of ICT",
            "Trafic illicite au moyen des TIC",
            "Незаконный оборот с использованием ИКТ",
            "Tráfico ilícito mediante las TIC",
            ("en", "drug trafficking"),
            ("en", "arms trafficking"),
            ("fr", "stupéfiants"),
            ("es", "narcotráfico"),
            ("ru", "наркотики"),
            ("zh", "贩毒"),
            ("ar", "المخدرات")),

        T(ProceduralPowers.Preservation, TermKind.Procedural, "25", "16",
            "التحفظ العاجل على البيانات الإلكترونية المخزنة",
            "快速保全存储的电子数据",
            "Expedited preservation of stored electronic data",
            "Conservation rapide de données électroniques stockées",
            "Оперативное обеспечение сохранности хранимых электронных данных",
            "Conservación rápida de datos electrónicos almacenados",
            ("en", "data retention"),
            ("fr", "gel des données"),
            ("es", "conservación de datos"),
            ("ru", "сохранность данных"),
            ("zh", "数据保全"),
            ("ar", "حفظ البيانات")),
        T(ProceduralPowers.Production, TermKind.Procedural, "27", "18",
            "أمر تقديم البيانات",
            "提交令",
            "Production order",
            "Injonction de produire",
            "Распоряжение о предоставлении",
            "Orden de presentación",
            ("en", "disclosure order"),
            ("fr", "réquisition"),
            ("es", "requerimiento"),
            ("ru", "истребование"),
            ("zh", "调取"),
            ("ar", "أمر الإفصاح")),
        T(ProceduralPowers.SearchAndSeizure, TermKind.Procedural, "28", "19",
            "تفتيش البيانات الإلكترونية المخزنة وضبطها",
            "搜查和扣押存储的电子数据",
            "Search and seizure of stored electronic data",
            "Perquisition et saisie de données électroniques stockées",
            "Обыск и выемка хранимых электронных данных",
            "Registro e incautación de datos electrónicos almacenados",
            ("en", "search warrant"),
            ("fr", "perquisition"),
            ("es", "allanamiento"),
            ("ru", "выемка"),
            ("zh", "扣押"),
            ("ar", "تفتيش")),
        T(ProceduralPowers.RealTimeCollection, TermKind.Procedural, "29", "20",
            "الجمع الآني لبيانات الحركة",
            "实时收集流量数据",
            "Real-time collection of traffic data",
            "Collecte en temps réel de données relatives au trafic",
            "Сбор данных о трафике в режиме реального времени",
            "Obtención en tiempo real de datos relativos al tráfico",
            ("en", "traffic data"),
            ("fr", "données de trafic"),
            ("es", "datos de tráfico"),
            ("ru", "данные о трафике"),
            ("zh", "流量数据"),
            ("ar", "بيانات الحركة")),
        T(ProceduralPowers.Interception, TermKind.Procedural, "30", "21",
            "اعتراض بيانات المحتوى",
            "拦截内容数据",
            "Interception of content data",
            "Interception de données relatives au contenu",
            "Перехват данных о содержании",
            "Interceptación de datos relativos al contenido",
            ("en", "lawful interception"),
            ("fr", "interception de correspondances"),
            ("es", "intervención de comunicaciones"),
            ("ru", "прослушивание"),
            ("zh", "监听"),
            ("ar", "مراقبة الاتصالات")),
    ];
}
