using System.Text.RegularExpressions;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Legislation;
using Entraide.App.Knowledge.Search;
using Entraide.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using static Entraide.Domain.Knowledge.OffenceTerms;
using static Entraide.Domain.Knowledge.OptionalTerms;
using static Entraide.Domain.Knowledge.ProceduralPowers;

namespace Entraide.App.Knowledge;

/// <summary>
/// Example content for demonstrations and tests. Every law is flagged <see cref="LegalWork.Example"/>
/// and shown with an "example" badge: the wording paraphrases the kind of provision each State has,
/// it is not the State's law. Laws of States whose languages are not UN languages are given in an
/// English or Spanish working translation.
/// </summary>
internal static partial class KnowledgeDemo
{
    private static ProvisionInput P(string eid, string number, string text, string[] terms, int? max = null, int? min = null,
        string? heading = null) =>
        new(eid, number, heading, text, terms, min, max);

    private static CreateLaw Law(string state, string language, string title, string type, string adopted, params ExpressionInput[] versions) =>
        new(state, title, type, language, DateOnly.Parse(adopted, System.Globalization.CultureInfo.InvariantCulture), versions, Example: true);

    private static ExpressionInput V(string language, string date, string title, params ProvisionInput[] provisions) =>
        new(language, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), title, provisions);

    public static IReadOnlyList<CreateLaw> Laws() =>
    [
        Law("FRA", "fr", "Code pénal (extraits)", WorkTypes.Code, "1992-07-22",
            V("fr", "2004-06-21", "Code pénal, version consolidée au 21 juin 2004",
                P("art_323-1", "Article 323-1",
                    "Le fait d’accéder ou de se maintenir, frauduleusement, dans tout ou partie d’un système de traitement automatisé de " +
                    "données est puni de deux ans d’emprisonnement et de 30 000 euros d’amende.",
                    [IllegalAccess], 24),
                P("art_323-2", "Article 323-2",
                    "Le fait d’entraver ou de fausser le fonctionnement d’un système de traitement automatisé de données est puni de cinq " +
                    "ans d’emprisonnement et de 75 000 euros d’amende.",
                    [SystemInterference], 60)),
            V("fr", "2015-11-13", "Code pénal, version consolidée au 13 novembre 2015",
                P("art_323-1", "Article 323-1",
                    "Le fait d’accéder ou de se maintenir, frauduleusement, dans tout ou partie d’un système de traitement automatisé de " +
                    "données est puni de trois ans d’emprisonnement et de 100 000 euros d’amende.",
                    [IllegalAccess], 36),
                P("art_323-2", "Article 323-2",
                    "Le fait d’entraver ou de fausser le fonctionnement d’un système de traitement automatisé de données est puni de cinq " +
                    "ans d’emprisonnement et de 150 000 euros d’amende.",
                    [SystemInterference], 60),
                P("art_323-3", "Article 323-3",
                    "Le fait d’introduire frauduleusement des données dans un système de traitement automatisé, d’extraire, de détenir, de " +
                    "reproduire, de transmettre, de supprimer ou de modifier frauduleusement les données qu’il contient est puni de cinq ans " +
                    "d’emprisonnement.",
                    [DataInterference], 60),
                P("art_323-3-1", "Article 323-3-1",
                    "Le fait, sans motif légitime, d’importer, de détenir, d’offrir, de céder ou de mettre à disposition un équipement, " +
                    "un instrument, un programme informatique ou toute donnée conçus ou spécialement adaptés pour commettre une ou plusieurs " +
                    "des infractions prévues par les articles 323-1 à 323-3 est puni des peines prévues pour l’infraction elle-même.",
                    [MisuseOfDevices], 60),
                P("art_226-15", "Article 226-15",
                    "Le fait, commis de mauvaise foi, d’intercepter, de détourner, d’utiliser ou de divulguer des correspondances émises, " +
                    "transmises ou reçues par la voie électronique est puni d’un an d’emprisonnement.",
                    [IllegalInterception], 12),
                P("art_313-1", "Article 313-1",
                    "L’escroquerie est le fait, soit par l’usage d’un faux nom ou d’une fausse qualité, soit par l’emploi de manœuvres " +
                    "frauduleuses, de tromper une personne et de la déterminer à remettre des fonds ou des valeurs ; elle est punie de cinq ans " +
                    "d’emprisonnement.",
                    [ComputerFraud], 60),
                P("art_227-23", "Article 227-23",
                    "Le fait, en vue de sa diffusion, de fixer, d’enregistrer ou de transmettre l’image ou la représentation d’un mineur " +
                    "lorsque cette image présente un caractère pornographique est puni de cinq ans d’emprisonnement.",
                    [ChildSexualAbuseMaterial], 60),
                P("art_226-4-1", "Article 226-4-1",
                    "Le fait d’usurper l’identité d’un tiers ou de faire usage d’une ou plusieurs données de toute nature permettant de " +
                    "l’identifier en vue de troubler sa tranquillité ou celle d’autrui est puni d’un an d’emprisonnement, y compris " +
                    "lorsque l’infraction est commise sur un réseau de communication au public en ligne.",
                    [IdentityTheft], 12),
                P("art_324-1", "Article 324-1",
                    "Le blanchiment est le fait de faciliter, par tout moyen, la justification mensongère de l’origine des biens ou des revenus " +
                    "de l’auteur d’un crime ou d’un délit ; il est puni de cinq ans d’emprisonnement.",
                    [Laundering], 60))),
        Law("FRA", "fr", "Code de procédure pénale (extraits)", WorkTypes.Code, "1958-12-31",
            V("fr", "2016-06-03", "Code de procédure pénale, version consolidée au 3 juin 2016",
                P("art_60-1", "Article 60-1",
                    "Le procureur de la République ou l’officier de police judiciaire peut, par tout moyen, requérir de toute personne " +
                    "susceptible de détenir des informations intéressant l’enquête, y compris celles issues d’un système informatique, de " +
                    "lui remettre ces informations.",
                    [Production]),
                P("art_57-1", "Article 57-1",
                    "Les officiers de police judiciaire peuvent, au cours d’une perquisition, accéder par un système informatique implanté " +
                    "sur les lieux aux données intéressant l’enquête et les saisir.",
                    [SearchAndSeizure]),
                P("art_100", "Article 100",
                    "En matière criminelle et en matière correctionnelle, si la peine encourue est égale ou supérieure à deux ans " +
                    "d’emprisonnement, le juge d’instruction peut, lorsque les nécessités de l’information l’exigent, prescrire " +
                    "l’interception des correspondances émises par la voie des communications électroniques.",
                    [Interception]),
                P("art_60-2", "Article 60-2",
                    "L’officier de police judiciaire peut requérir des opérateurs de prendre, sans délai, toutes mesures propres à assurer " +
                    "la préservation, pour une durée ne pouvant excéder un an, du contenu des informations consultées par les personnes " +
                    "utilisatrices des services.",
                    [Preservation]))),

        Law("CHN", "zh", "中华人民共和国刑法（节选）", WorkTypes.Code, "1997-03-14",
            V("zh", "2015-08-29", "中华人民共和国刑法（2015年修正）",
                P("art_285", "第二百八十五条",
                    "违反国家规定，侵入国家事务、国防建设、尖端科学技术领域的计算机信息系统的，处三年以下" +
                    "有期徒刑或者拘役。违反国家规定，侵入前款规定以外的计算机信息系统，获取该计算机信息系" +
                    "统中存储、处理或者传输的数据，情节特别严重的，处三年以上七年以下有期徒刑。",
                    [IllegalAccess, CriticalInfrastructure], 84),
                P("art_286", "第二百八十六条",
                    "违反国家规定，对计算机信息系统功能进行删除、修改、增加、干扰，造成计算机信息系统不能" +
                    "正常运行，后果严重的，处五年以下有期徒刑或者拘役；后果特别严重的，处五年以上有期徒刑" +
                    "。对计算机信息系统中存储、处理或者传输的数据和应用程序进行删除、修改、增加的操作，后" +
                    "果严重的，依照前款的规定处罚。",
                    [SystemInterference, DataInterference], 180),
                P("art_287", "第二百八十七条",
                    "利用计算机实施金融诈骗、盗窃、贪污、挪用公款、窃取国家秘密或者其他犯罪的，依照本法有" +
                    "关规定定罪处罚。",
                    [ComputerFraud]),
                P("art_120-3", "第一百二十条之三",
                    "以制作、散发宣扬恐怖主义、极端主义的图书、音频视频资料或者其他物品，或者通过讲授、发" +
                    "布信息等方式宣扬恐怖主义、极端主义的，或者煽动实施恐怖活动的，处五年以下有期徒刑；情" +
                    "节严重的，处五年以上有期徒刑。",
                    [TerroristUse, IncitementToHatred], 180),
                P("art_217", "第二百一十七条",
                    "以营利为目的，未经著作权人许可，复制发行、通过信息网络向公众传播其文字作品、音乐、美" +
                    "术、视听作品、计算机软件的，违法所得数额巨大或者有其他特别严重情节的，处三年以上十年" +
                    "以下有期徒刑。",
                    [Copyright], 120)),
            V("en", "2015-08-29", "Criminal Law of the People's Republic of China (2015 amendment), working translation",
                P("art_285", "Article 285",
                    "Whoever, in violation of State regulations, intrudes into a computer information system in the fields of State affairs, " +
                    "national defence or cutting-edge science and technology shall be sentenced to fixed-term imprisonment of not more than three " +
                    "years; where the circumstances of obtaining data are especially serious, to not less than three and not more than seven years.",
                    [IllegalAccess, CriticalInfrastructure], 84),
                P("art_286", "Article 286",
                    "Whoever, in violation of State regulations, deletes, alters, adds or interferes with the functions of a computer information " +
                    "system, causing it to fail to operate normally, shall, if the consequences are serious, be sentenced to fixed-term " +
                    "imprisonment of not more than five years; if especially serious, to not less than five years.",
                    [SystemInterference,
                                DataInterference], 180))),

        Law("EGY", "ar",
            "قانون مكافحة جرائم تقنية المعلومات رقم 175 لسنة 2018 (مقتطفات)",
            WorkTypes.Statute, "2018-08-14",
            V("ar", "2018-08-14", "قانون مكافحة جرائم تقنية المعلومات",
                P("art_14", "المادة 14",
                    "يعاقب بالحبس مدة لا تقل عن سنة وبغرامة كل من دخل عمدًا أو بخطأ غير " +
                    "عمدي وبقي بدون وجه حق على موقع أو حساب خاص أو نظام معلوماتي محظور " +
                    "الدخول عليه.",
                    [IllegalAccess], 36, 12),
                P("art_16", "المادة 16",
                    "يعاقب بالحبس مدة لا تقل عن سنتين كل من اعترض بدون وجه حق أي معلومات أو " +
                    "بيانات أو كل ما هو متداول عن طريق شبكة معلوماتية أو أحد أجهزة الحاسب " +
                    "الآلي.",
                    [IllegalInterception], 60, 24),
                P("art_17", "المادة 17",
                    "يعاقب بالحبس مدة لا تقل عن سنتين كل من أتلف أو عطل أو عدل مسار أو ألغى " +
                    "كليًا أو جزئيًا متعمدًا وبدون وجه حق البرامج والبيانات أو المعلومات " +
                    "المخزنة أو المعالجة أو المولدة أو المخلقة على أي نظام معلوماتي.",
                    [DataInterference], 60, 24),
                P("art_21", "المادة 21",
                    "يعاقب بالحبس مدة لا تقل عن ثلاثة أشهر كل من تسبب متعمدًا في إيقاف " +
                    "شبكة معلوماتية عن العمل أو تعطيلها أو الحد من كفاءة عملها.",
                    [SystemInterference], 36, 3),
                P("art_23", "المادة 23",
                    "يعاقب بالحبس مدة لا تقل عن ثلاثة أشهر كل من استخدم الشبكة " +
                    "المعلوماتية أو إحدى وسائل تقنية المعلومات في الوصول بدون وجه حق إلى " +
                    "أرقام أو بيانات بطاقات البنوك والخدمات أو غيرها من أدوات الدفع " +
                    "الإلكترونية بقصد الحصول على أموال الغير.",
                    [ComputerFraud], 36, 3),
                P("art_34", "المادة 34",
                    "إذا وقعت أي جريمة من الجرائم المنصوص عليها في هذا القانون بغرض " +
                    "الإخلال بالنظام العام أو تعريض سلامة المجتمع وأمنه للخطر أو الإضرار " +
                    "بالأمن القومي للبلاد أو بمركزها الاقتصادي أو تعطيل أحكام الدستور، " +
                    "تكون العقوبة السجن المشدد.",
                    [CriticalInfrastructure, TerroristUse], 180),
                P("art_2", "المادة 2",
                    "يلتزم مقدمو الخدمة بحفظ وتخزين سجل النظام المعلوماتي لمدة مائة " +
                    "وثمانين يومًا متصلة، وتشمل البيانات التي تمكن من التعرف على مستخدم " +
                    "الخدمة وبيانات حركة الاتصال.",
                    [Preservation]),
                P("art_6", "المادة 6",
                    "لجهة التحقيق المختصة أن تصدر أمرًا مسببًا بضبط أو سحب أو جمع أو " +
                    "التحفظ على البيانات والمعلومات أو أنظمة المعلومات أو تتبعها في أي " +
                    "مكان أو نظام أو برنامج.",
                    [SearchAndSeizure, Production, RealTimeCollection]))),

        Law("BRA", "en", "Criminal Code, Law 12.737/2012 (working translation, excerpts)", WorkTypes.Statute, "2012-11-30",
            V("en", "2021-05-27", "Criminal Code as amended by Law 14.155/2021 (working translation)",
                P("art_154-A", "Article 154-A",
                    "Invading a computer device, connected or not to a computer network, with the aim of obtaining, tampering with or destroying " +
                    "data or information without the express or tacit authorisation of the user, or of installing vulnerabilities to obtain an " +
                    "illicit advantage: imprisonment of one to four years and a fine.",
                    [IllegalAccess, DataInterference], 48, 12),
                P("art_154-A-1", "Article 154-A, § 1",
                    "The same penalty applies to whoever produces, offers, distributes, sells or disseminates a device or computer program with " +
                    "the intent of enabling the conduct defined in the main section.",
                    [MisuseOfDevices], 48, 12),
                P("art_171-2-A", "Article 171, § 2-A",
                    "Electronic fraud: fraud committed using information supplied by the victim or a third party misled by social networks, " +
                    "telephone contacts or fraudulent e-mail: imprisonment of four to eight years and a fine.",
                    [ComputerFraud], 96, 48),
                P("art_266", "Article 266",
                    "Interrupting or disturbing a telegraphic, radiotelegraphic, telephone, telematic or public-utility information service: " +
                    "detention of one to three years and a fine.",
                    [SystemInterference, CriticalInfrastructure], 36, 12))),

        Law("USA", "en", "Computer Fraud and Abuse Act, 18 U.S.C. § 1030 (excerpts)", WorkTypes.Statute, "1986-10-16",
            V("en", "2008-09-26", "18 U.S.C. § 1030 as amended in 2008",
                P("s_1030-a-2", "§ 1030(a)(2)",
                    "Whoever intentionally accesses a computer without authorization or exceeds authorized access, and thereby obtains information " +
                    "from any protected computer, shall be punished by a fine or imprisonment for not more than one year, or five years in " +
                    "aggravated cases.",
                    [IllegalAccess], 60),
                P("s_1030-a-4", "§ 1030(a)(4)",
                    "Whoever knowingly and with intent to defraud accesses a protected computer without authorization, and by means of such " +
                    "conduct furthers the intended fraud and obtains anything of value, shall be punished by imprisonment for not more than five " +
                    "years.",
                    [ComputerFraud], 60),
                P("s_1030-a-5", "§ 1030(a)(5)",
                    "Whoever knowingly causes the transmission of a program, information, code, or command, and as a result intentionally causes " +
                    "damage without authorization to a protected computer, shall be punished by imprisonment for not more than ten years.",
                    [DataInterference, SystemInterference], 120),
                P("s_1030-a-7", "§ 1030(a)(7)",
                    "Whoever, with intent to extort from any person any money or other thing of value, transmits any communication containing a " +
                    "threat to cause damage to a protected computer or a demand in relation to damage caused to facilitate the extortion, shall be " +
                    "punished by imprisonment for not more than five years.",
                    [RansomwareExtortion], 60),
                P("s_2703-f", "18 U.S.C. § 2703(f)",
                    "A provider of wire or electronic communication services, upon the request of a governmental entity, shall take all necessary " +
                    "steps to preserve records and other evidence in its possession pending the issuance of a court order or other process, for a " +
                    "period of 90 days, renewable once.",
                    [Preservation]))),

        Law("MEX", "es", "Código Penal Federal (extractos)", WorkTypes.Code, "1931-08-14",
            V("es", "1999-05-17", "Código Penal Federal, reforma de 17 de mayo de 1999",
                P("art_211-bis-1", "Artículo 211 bis 1",
                    "Al que sin autorización modifique, destruya o provoque pérdida de información contenida en sistemas o equipos de " +
                    "informática protegidos por algún mecanismo de seguridad, se le impondrán de seis meses a dos años de prisión.",
                    [DataInterference], 24, 6),
                P("art_211-bis-1-2", "Artículo 211 bis 1, párrafo segundo",
                    "Al que sin autorización conozca o copie información contenida en sistemas o equipos de informática protegidos por algún " +
                    "mecanismo de seguridad, se le impondrán de tres meses a un año de prisión.",
                    [IllegalAccess], 12, 3),
                P("art_211-bis-2", "Artículo 211 bis 2",
                    "Al que sin autorización modifique, destruya o provoque pérdida de información contenida en sistemas o equipos de " +
                    "informática del Estado, se le impondrán de uno a cuatro años de prisión.",
                    [DataInterference, CriticalInfrastructure], 48, 12),
                P("art_202", "Artículo 202",
                    "Comete el delito de pornografía de personas menores de dieciocho años quien procure, obligue, facilite o induzca a una o " +
                    "varias de estas personas a realizar actos sexuales con el fin de grabarlos, fotografiarlos o exhibirlos a través de sistemas " +
                    "de cómputo o redes sociales; se le impondrá pena de siete a doce años de prisión.",
                    [ChildSexualAbuseMaterial], 144, 84))),

        Law("GBR", "en", "Computer Misuse Act 1990", WorkTypes.Statute, "1990-06-29",
            V("en", "2015-05-03", "Computer Misuse Act 1990 as amended by the Serious Crime Act 2015",
                P("s_1", "Section 1",
                    "A person is guilty of an offence if he causes a computer to perform any function with intent to secure access to any program " +
                    "or data held in any computer, the access he intends to secure is unauthorised, and he knows at the time that this is the " +
                    "case. Penalty on indictment: imprisonment for a term not exceeding two years.",
                    [IllegalAccess], 24, heading: "Unauthorised access to computer material"),
                P("s_3", "Section 3",
                    "A person is guilty of an offence if he does any unauthorised act in relation to a computer, knowing it to be unauthorised, " +
                    "intending or being reckless as to impairing the operation of any computer or the reliability of any data. Penalty on " +
                    "indictment: imprisonment for a term not exceeding ten years.",
                    [SystemInterference, DataInterference], 120, heading: "Unauthorised acts with intent to impair operation of computer"),
                P("s_3ZA", "Section 3ZA",
                    "A person is guilty of an offence if an unauthorised act in relation to a computer causes or creates a significant risk of " +
                    "serious damage to human welfare or national security in any country. Penalty: imprisonment for life where the damage is to " +
                    "human welfare or national security.",
                    [CriticalInfrastructure], 1200, heading: "Unauthorised acts causing serious damage"),
                P("s_3A", "Section 3A",
                    "A person is guilty of an offence if he makes, adapts, supplies or offers to supply any article intending it to be used to " +
                    "commit an offence under section 1, 3 or 3ZA. Penalty on indictment: imprisonment for a term not exceeding two years.",
                    [MisuseOfDevices], 24, heading: "Making, supplying or obtaining articles"))),

        Law("JPN", "en", "Act on Prohibition of Unauthorized Computer Access (working translation, excerpts)", WorkTypes.Statute, "1999-08-13",
            V("en", "2012-03-31", "Act No. 128 of 1999 as amended in 2012 (working translation)",
                P("art_3", "Article 3",
                    "No person may engage in an act of unauthorized computer access. A person who violates this provision is punished by " +
                    "imprisonment for not more than three years or a fine.",
                    [IllegalAccess], 36),
                P("art_4", "Article 4",
                    "No person may obtain an identification code of another person for the purpose of unauthorized computer access.",
                    [MisuseOfDevices, IdentityTheft], 12),
                P("art_7", "Article 7",
                    "No person may, by impersonating an access administrator, request a user to input an identification code on a website or by " +
                    "e-mail (phishing). A person who violates this provision is punished by imprisonment for not more than one year.",
                    [ComputerFraud, IdentityTheft], 12))),

        Law("IND", "en", "Information Technology Act, 2000 (excerpts)", WorkTypes.Statute, "2000-06-09",
            V("en", "2009-10-27", "Information Technology Act, 2000, as amended in 2008",
                P("s_66", "Section 66",
                    "If any person, dishonestly or fraudulently, does any act referred to in section 43 (access, download, damage, disruption or " +
                    "denial of access to a computer system), he shall be punishable with imprisonment for a term which may extend to three years.",
                    [IllegalAccess, DataInterference, SystemInterference], 36),
                P("s_66C", "Section 66C",
                    "Whoever fraudulently or dishonestly makes use of the electronic signature, password or any other unique identification " +
                    "feature of any other person shall be punished with imprisonment for a term which may extend to three years.",
                    [IdentityTheft], 36),
                P("s_66F", "Section 66F",
                    "Whoever, with intent to threaten the unity, integrity, security or sovereignty of India, denies access to a computer resource " +
                    "or attempts to penetrate a computer resource, commits the offence of cyber terrorism and shall be punishable with " +
                    "imprisonment which may extend to imprisonment for life.",
                    [TerroristUse, CriticalInfrastructure], 1200),
                P("s_67B", "Section 67B",
                    "Whoever publishes or transmits material in any electronic form which depicts children engaged in sexually explicit act shall " +
                    "be punished on first conviction with imprisonment for a term which may extend to five years.",
                    [ChildSexualAbuseMaterial,
                            Grooming], 60),
                P("s_69", "Section 69",
                    "The Government may direct any agency to intercept, monitor or decrypt any information generated, transmitted, received or " +
                    "stored in any computer resource in the interest of the sovereignty or integrity of India or for preventing incitement to the " +
                    "commission of any cognizable offence.",
                    [Interception]))),

        Law("NGA", "en", "Cybercrimes (Prohibition, Prevention, etc.) Act 2015 (excerpts)", WorkTypes.Statute, "2015-05-15",
            V("en", "2015-05-15", "Cybercrimes (Prohibition, Prevention, etc.) Act 2015",
                P("s_6", "Section 6",
                    "Any person who, without authorization, intentionally accesses in whole or in part a computer system or network for fraudulent " +
                    "purposes commits an offence and is liable on conviction to imprisonment for a term of not less than two years.",
                    [IllegalAccess], 24),
                P("s_12", "Section 12",
                    "Any person who intentionally and without authorization intercepts by technical means transmissions of non-public computer " +
                    "data commits an offence and is liable on conviction to imprisonment for a term of not more than two years.",
                    [IllegalInterception], 24),
                P("s_22", "Section 22",
                    "Any person who is engaged in the services of any financial institution and fraudulently uses the identity of another person, " +
                    "or who fraudulently impersonates another person, commits an offence and is liable to imprisonment for a term of not less than " +
                    "three years or not more than seven years.",
                    [IdentityTheft, ComputerFraud], 84, 36),
                P("s_38", "Section 38",
                    "A service provider shall keep all traffic data and subscriber information for a period of two years, and shall preserve, hold " +
                    "or retain any traffic data, subscriber information, non-content information and content data upon request of the relevant " +
                    "authority.",
                    [Preservation]))),

        Law("AUS", "en", "Criminal Code Act 1995, Part 10.7 (excerpts)", WorkTypes.Code, "1995-03-15",
            V("en", "2001-10-01", "Criminal Code Act 1995 as amended by the Cybercrime Act 2001",
                P("s_477-1", "Section 477.1",
                    "A person commits an offence if the person causes any unauthorised access to, or modification of, restricted data or " +
                    "impairment of electronic communication, with intent to commit a serious offence. Penalty: the penalty applicable to the " +
                    "serious offence.",
                    [IllegalAccess, DataInterference], null),
                P("s_477-2", "Section 477.2",
                    "A person commits an offence if the person causes any unauthorised modification of data held in a computer and is reckless as " +
                    "to whether the modification impairs the reliability, security or operation of any data. Penalty: imprisonment for 10 years.",
                    [DataInterference], 120),
                P("s_477-3", "Section 477.3",
                    "A person commits an offence if the person causes any unauthorised impairment of electronic communication to or from a " +
                    "computer. Penalty: imprisonment for 10 years.",
                    [SystemInterference], 120),
                P("s_474-22", "Section 474.22",
                    "A person commits an offence if the person accesses, transmits or makes available child abuse material using a carriage " +
                    "service. Penalty: imprisonment for 15 years.",
                    [ChildSexualAbuseMaterial], 180))),

        Law("ZAF", "en", "Cybercrimes Act 19 of 2020 (excerpts)", WorkTypes.Statute, "2021-05-26",
            V("en", "2021-12-01", "Cybercrimes Act 19 of 2020",
                P("s_2", "Section 2",
                    "Any person who unlawfully and intentionally accesses a computer system or a computer data storage medium is guilty of an " +
                    "offence. Penalty: a fine or imprisonment for a period not exceeding five years.",
                    [IllegalAccess], 60),
                P("s_3", "Section 3",
                    "Any person who unlawfully and intentionally intercepts data, including electromagnetic emissions from a computer system " +
                    "carrying such data, is guilty of an offence. Penalty: imprisonment for a period not exceeding five years.",
                    [IllegalInterception], 60),
                P("s_8", "Section 8",
                    "Any person who unlawfully and with the intention to defraud makes a misrepresentation by means of data or a computer program " +
                    "which causes actual or potential prejudice to another person is guilty of the offence of cyber fraud.",
                    [ComputerFraud]),
                P("s_10", "Section 10",
                    "Any person who unlawfully and intentionally threatens to commit any offence under sections 3, 5, 6 or 7 for the purpose of " +
                    "obtaining any advantage from another person is guilty of the offence of cyber extortion. Penalty: imprisonment for a period " +
                    "not exceeding 15 years.",
                    [RansomwareExtortion], 180),
                P("s_16", "Section 16",
                    "Any person who unlawfully and intentionally discloses, by means of an electronic communications service, a data message of an " +
                    "intimate image of a person without that person's consent is guilty of an offence. Penalty: imprisonment for a period not " +
                    "exceeding three years.",
                    [IntimateImages], 36),
                P("s_41", "Section 41",
                    "A specifically designated police official may, if there are reasonable grounds to believe that data are vulnerable to loss or " +
                    "modification, issue an expedited preservation of data direction to a person in control of the data.",
                    [Preservation]))),
    ];

    public static IReadOnlyList<CreateCaseNote> Cases(DateOnly today) =>
    [
        new("FRA", CaseKinds.Decision, "Cour de cassation, chambre criminelle, 20 mai 2015, n° 14-81.336",
            "Le maintien frauduleux dans un système de traitement automatisé de données est constitué lorsque la personne, ayant accédé à " +
            "des données non protégées, s’y maintient après avoir constaté l’existence d’un contrôle d’accès, et les télécharge. " +
            "L’absence de protection technique n’exclut pas l’infraction.",
            "fr", new DateOnly(2015, 5, 20), "Cour de cassation", [IllegalAccess], [], Example: true),
        new("USA", CaseKinds.Lesson, "Preservation before the formal request",
            "Requests for stored content reached the provider after the 90-day retention period had lapsed; the data were lost. Lesson: send " +
            "an expedited preservation request through the 24/7 network as soon as the account is identified, then renew it while the " +
            "mutual legal assistance request is prepared.",
            "en", today.AddYears(-2), "Office of International Affairs (example)", [Preservation], [], Example: true),
    ];

    private static readonly (string File, string Symbol, string Title, DateOnly Date)[] Documents =
    [
        ("res-56-121-criminal-misuse-of-it.fr.txt", "A/RES/56/121",
            "Lutte contre l’exploitation des technologies de l’information à des fins criminelles", new DateOnly(2001, 12, 19)),
        ("res-74-173-technical-assistance.fr.txt", "A/RES/74/173",
            "Favoriser l’assistance technique et le renforcement des capacités pour intensifier l’action nationale et la coopération " +
                "internationale contre la cybercriminalité", new DateOnly(2019, 12, 18)),
        ("a-ac-291-4-member-state-comments.fr.txt", "A/AC.291/4",
            "Compilation des commentaires reçus des États Membres sur le champ d’application, les objectifs et la structure de la nouvelle " +
                "convention", new DateOnly(2021, 11, 5)),
    ];

    public static async Task SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<EntraideDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var indexer = services.GetRequiredService<KnowledgeIndexer>();
        var audit = services.GetRequiredService<AuditRecorder>();

        var seededStates = await db.Set<LegalWork>().Where(w => w.Example).Select(w => w.State).Distinct().ToListAsync(ct);
        var laws = Laws().Where(l => !seededStates.Contains(l.State!)).ToList();
        if (laws.Count > 0)
        {
            await services.GetRequiredService<LawStore>().SeedAsync(laws, ct);
            await output.WriteLineAsync($"Knowledge: {laws.Count} example laws.");
        }

        if (!await db.Set<CaseNote>().AnyAsync(c => c.Example, ct))
        {
            var cases = services.GetRequiredService<CreateCaseNoteHandler>();
            foreach (var c in Cases(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))) await cases.SeedAsync(c, ct);
        }

        var assembly = typeof(KnowledgeDemo).Assembly;
        foreach (var (file, symbol, title, date) in Documents)
        {
            if (await db.Set<KnowledgeDocument>().AnyAsync(d => d.Symbol == symbol && d.Language == "fr", ct)) continue;
            await using var stream = assembly.GetManifestResourceStream("Entraide.Knowledge.Seeds." + file)
                ?? throw new InvalidOperationException($"Seed document {file} is not embedded.");
            using var reader = new StreamReader(stream);
            var document = KnowledgeDocument.Record(symbol, title, "fr", date, Normalise(await reader.ReadToEndAsync(ct)), clock.GetUtcNow());
            db.Add(document);
            audit.Action = "knowledge.document.seed";
            await db.SaveChangesAsync(ct);
            await indexer.IndexDocumentAsync(document.Id, ct);
        }
    }

    /// <summary>The texts come from PDF extraction: blank-ish lines between every line. Keep real paragraph breaks only.</summary>
    internal static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim());
        var joined = string.Join("\n", lines);
        joined = BlankLines().Replace(joined, "\n");
        // A paragraph starts with a number ("12."), a capital after a full stop, or a heading; other breaks are mid-sentence.
        return ParagraphBreak().Replace(joined,
            m => m.Value.Contains('.') || m.Value.Contains(':') || m.Value.Contains(';') ? m.Value[0] + "\n\n" : m.Value[0] + " ").Trim();
    }

    [GeneratedRegex("\n{2,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex("[^\n]\n")]
    private static partial Regex ParagraphBreak();
}
