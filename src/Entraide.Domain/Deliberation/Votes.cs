using System.Globalization;
using System.Text;
using Entraide.Domain.Common;
using Entraide.Domain.Network;

namespace Entraide.Domain.Deliberation;

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<VoteChoice>))]
public enum VoteChoice
{
    Yes,
    No,
    Abstain,
    NonParticipating,
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<VoteMethod>))]
public enum VoteMethod
{
    /// <summary>Each Member State's vote is recorded.</summary>
    Recorded,
    /// <summary>Adopted without a vote (by consensus): no ballots.</summary>
    WithoutVote,
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<RequiredMajority>))]
public enum RequiredMajority
{
    /// <summary>A majority of the members present and voting (Art. 18(3) of the Charter).</summary>
    Simple,
    /// <summary>Two thirds of the members present and voting, for important questions (Art. 18(2)).</summary>
    TwoThirds,
}

[System.Text.Json.Serialization.JsonConverter(typeof(Entraide.Domain.Deliberation.KebabEnum<VoteOutcome>))]
public enum VoteOutcome
{
    Adopted,
    Rejected,
}

public static class VoteChoices
{
    public static string Code(VoteChoice c) => c switch
    {
        VoteChoice.Yes => "yes",
        VoteChoice.No => "no",
        VoteChoice.Abstain => "abstain",
        _ => "non-participating",
    };

    public static VoteChoice Parse(string? code, string field = "choice") => (code ?? "").Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "for" or "in favour" => VoteChoice.Yes,
        "no" or "n" or "against" => VoteChoice.No,
        "abstain" or "a" or "abstention" => VoteChoice.Abstain,
        "non-participating" or "np" or "not participating" or "absent" => VoteChoice.NonParticipating,
        _ => throw DomainException.Invalid("invalid-vote-choice", field),
    };
}

/// <summary>The counts of a recorded vote. Non-participating States are not "present and voting".</summary>
public sealed record Tally(int Yes, int No, int Abstain, int NonParticipating)
{
    public int PresentAndVoting => Yes + No;

    public static Tally Of(IEnumerable<VoteChoice> ballots)
    {
        int y = 0, n = 0, a = 0, np = 0;
        foreach (var b in ballots)
        {
            switch (b)
            {
                case VoteChoice.Yes: y++; break;
                case VoteChoice.No: n++; break;
                case VoteChoice.Abstain: a++; break;
                default: np++; break;
            }
        }
        return new Tally(y, n, a, np);
    }

    public VoteOutcome Outcome(RequiredMajority majority) => majority switch
    {
        RequiredMajority.TwoThirds => Yes > 0 && Yes * 3 >= PresentAndVoting * 2 ? VoteOutcome.Adopted : VoteOutcome.Rejected,
        _ => Yes > No ? VoteOutcome.Adopted : VoteOutcome.Rejected,
    };
}

/// <summary>A State's later statement that it had meant to vote otherwise: printed as a footnote, the ballot stays as cast.</summary>
public sealed record VoteFootnoteEntry(string State, VoteChoice Intended, DateOnly StatedOn);

/// <summary>What was voted on: a draft, an amendment to it, or one paragraph of it.</summary>
/// <param name="Body">GA (plenary), C.1–C.6 (Main Committees) or AC (the Ad Hoc Committee).</param>
/// <param name="ParagraphKind">With <paramref name="ParagraphNumber"/>, a separate vote on one paragraph.</param>
public sealed record VoteSubject(
    string Body, string DraftSymbol, string? AmendmentSymbol = null, ParagraphKind? ParagraphKind = null, int? ParagraphNumber = null);

/// <summary>The report of a vote in one language, as the official records print it.</summary>
public sealed record VoteReportText(
    string Language, string Outcome, IReadOnlyList<(string Heading, IReadOnlyList<string> Names)> Lists, IReadOnlyList<string> Footnotes)
{
    public string ToPlainText()
    {
        var sb = new StringBuilder(Outcome).Append("\n\n");
        var (sep, end) = UnFormats.ListPunctuation(Language);
        foreach (var (heading, names) in Lists)
        {
            sb.Append(heading).Append('\n');
            sb.Append(names.Count == 0 ? "—" : string.Join(sep, names) + end).Append("\n\n");
        }
        for (var i = 0; i < Footnotes.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. ").Append(Footnotes[i]).Append('\n');
        return sb.ToString().TrimEnd() + "\n";
    }
}

/// <summary>
/// Writes the vote report in each official language with the formulas of the official records:
/// "La Troisième Commission a adopté le projet de résolution A/C.3/74/L.11/Rev.1 par 88 voix contre 58,
/// avec 34 abstentions", then the States that voted for, against and abstained, each list in the
/// language's collation order and each State named as it was on the day of the vote.
/// </summary>
public static class VoteReport
{
    public static VoteReportText Write(
        StateDirectory states, string language, VoteSubject subject, VoteMethod method, RequiredMajority majority, DateOnly date,
        IReadOnlyDictionary<string, VoteChoice> ballots, IReadOnlyList<VoteFootnoteEntry> footnotes)
    {
        if (!Languages.IsSupported(language)) throw DomainException.Invalid("unsupported-language", "lang");
        if (method == VoteMethod.WithoutVote)
            return new VoteReportText(language, WithoutVote(language, subject), [], []);

        var tally = Tally.Of(ballots.Values);
        var outcome = tally.Outcome(majority);
        var lists = new List<(string, IReadOnlyList<string>)>();
        foreach (var choice in new[] { VoteChoice.Yes, VoteChoice.No, VoteChoice.Abstain })
        {
            var codes = states.SortCodes(ballots.Where(b => b.Value == choice).Select(b => b.Key), language, date);
            lists.Add((Heading(choice, language), [.. codes.Select(c => states.ListName(c, language, date))]));
        }
        var notes = footnotes.OrderBy(f => f.StatedOn).ThenBy(f => states.ListName(f.State, language, date), Collation.For(language))
            .Select(f => Footnote(states.ListName(f.State, language, date), f.Intended, language)).ToList();
        return new VoteReportText(language, Sentence(language, subject, tally, outcome), lists, notes);
    }

    private static readonly string[] FrOrdinals = ["Première", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième"];
    private static readonly string[] EnOrdinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
    private static readonly string[] EsOrdinals = ["Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta"];
    private static readonly string[] RuOrdinals = ["Первый", "Второй", "Третий", "Четвертый", "Пятый", "Шестой"];
    private static readonly string[] ArOrdinals = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة"];
    private static readonly string[] ZhOrdinals = ["一", "二", "三", "四", "五", "六"];

    /// <summary>The body's name and, for Russian, whether it takes the feminine verb (Ассамблея) or the masculine (комитет).</summary>
    public static (string Name, bool Feminine) Body(string body, string language)
    {
        var committee = body.StartsWith("C.", StringComparison.Ordinal) && body.Length == 3 && body[2] is >= '1' and <= '6' ? body[2] - '1' : -1;
        return (language, body, committee) switch
        {
            (Languages.French, "GA", _) => ("L’Assemblée générale", true),
            (Languages.French, "AC", _) => ("Le Comité spécial", false),
            (Languages.French, _, >= 0) => ($"La {FrOrdinals[committee]} Commission", true),
            (Languages.Spanish, "GA", _) => ("La Asamblea General", true),
            (Languages.Spanish, "AC", _) => ("El Comité Especial", false),
            (Languages.Spanish, _, >= 0) => ($"La {EsOrdinals[committee]} Comisión", true),
            (Languages.Russian, "GA", _) => ("Генеральная Ассамблея", true),
            (Languages.Russian, "AC", _) => ("Специальный комитет", false),
            (Languages.Russian, _, >= 0) => ($"{RuOrdinals[committee]} комитет", false),
            (Languages.Arabic, "GA", _) => ("الجمعية العامة", true),
            (Languages.Arabic, "AC", _) => ("اللجنة المخصصة", true),
            (Languages.Arabic, _, >= 0) => ($"اللجنة {ArOrdinals[committee]}", true),
            (Languages.Chinese, "GA", _) => ("大会", false),
            (Languages.Chinese, "AC", _) => ("特设委员会", false),
            (Languages.Chinese, _, >= 0) => ($"第{ZhOrdinals[committee]}委员会", false),
            (_, "AC", _) => ("The Ad Hoc Committee", false),
            (_, _, >= 0) => ($"The {EnOrdinals[committee]} Committee", false),
            _ => ("The General Assembly", false),
        };
    }

    /// <summary>
    /// "le projet de résolution A/C.3/74/L.11/Rev.1", "l’amendement A/C.3/74/L.61 au projet de résolution …",
    /// "le paragraphe 5 du dispositif du projet …".
    /// </summary>
    public static string What(VoteSubject s, string language)
    {
        var draft = language switch
        {
            Languages.French => $"le projet de résolution {s.DraftSymbol}",
            Languages.Spanish => $"el proyecto de resolución {s.DraftSymbol}",
            Languages.Russian => $"проект резолюции {s.DraftSymbol}",
            Languages.Arabic => $"مشروع القرار {s.DraftSymbol}",
            Languages.Chinese => $"决议草案{s.DraftSymbol}",
            _ => $"draft resolution {s.DraftSymbol}",
        };
        if (s.AmendmentSymbol is { Length: > 0 } am)
        {
            return language switch
            {
                Languages.French => $"l’amendement {am} au {draft[3..]}",
                Languages.Spanish => $"la enmienda {am} al{draft[2..]}",
                Languages.Russian => $"поправку {am} к проекту резолюции {s.DraftSymbol}",
                Languages.Arabic => $"التعديل {am} على {draft}",
                Languages.Chinese => $"对{draft}的修正案{am}",
                _ => $"amendment {am} to {draft}",
            };
        }
        if (s.ParagraphNumber is { } n && s.ParagraphKind is { } kind)
        {
            var operative = kind == ParagraphKind.Operative;
            return language switch
            {
                Languages.French => operative ? $"le paragraphe {n} du dispositif du {draft[3..]}" : $"l’alinéa {n} du préambule du {draft[3..]}",
                Languages.Spanish => operative
                    ? $"el párrafo {n} de la parte dispositiva d{draft[1..]}"
                    : $"el párrafo {n} del preámbulo d{draft[1..]}",
                Languages.Russian => operative
                    ? $"пункт {n} постановляющей части проекта резолюции {s.DraftSymbol}"
                    : $"пункт {n} преамбулы проекта резолюции {s.DraftSymbol}",
                Languages.Arabic => operative ? $"الفقرة {n} من منطوق {draft}" : $"الفقرة {n} من ديباجة {draft}",
                Languages.Chinese => operative ? $"{draft}执行部分第{n}段" : $"{draft}序言部分第{n}段",
                _ => operative ? $"operative paragraph {n} of {draft}" : $"preambular paragraph {n} of {draft}",
            };
        }
        return draft;
    }

    private static string Sentence(string language, VoteSubject subject, Tally t, VoteOutcome outcome)
    {
        var (body, feminine) = Body(subject.Body, language);
        var what = What(subject, language);
        var adopted = outcome == VoteOutcome.Adopted;
        switch (language)
        {
            case Languages.French:
                {
                    var against = t.No == 0 ? "zéro" : t.No == 1 ? "une" : N(t.No);
                    var abst = t.Abstain switch { 0 => "sans abstention", 1 => "avec une abstention", _ => $"avec {N(t.Abstain)} abstentions" };
                    var votes = t.Yes == 1 ? "une voix" : $"{N(t.Yes)} voix";
                    return $"{body} a {(adopted ? "adopté" : "rejeté")} {what} par {votes} contre {against}, {abst}.";
                }
            case Languages.Spanish:
                {
                    var votes = t.Yes == 1 ? "1 voto" : $"{N(t.Yes)} votos";
                    var abst = t.Abstain switch { 0 => "ninguna abstención", 1 => "1 abstención", _ => $"{N(t.Abstain)} abstenciones" };
                    return $"{body} {(adopted ? "aprobó" : "rechazó")} {what} por {votes} contra {N(t.No)} y {abst}.";
                }
            case Languages.Russian:
                {
                    var verb = adopted ? (feminine ? "приняла" : "принял") : (feminine ? "отклонила" : "отклонил");
                    var votes = $"{N(t.Yes)} {(t.Yes % 10 == 1 && t.Yes % 100 != 11 ? "голосом" : "голосами")}";
                    var abst = t.Abstain switch
                    {
                        0 => "при отсутствии воздержавшихся",
                        _ when t.Abstain % 10 == 1 && t.Abstain % 100 != 11 => $"при {N(t.Abstain)} воздержавшемся",
                        _ => $"при {N(t.Abstain)} воздержавшихся",
                    };
                    return $"{body} {verb} {what} {votes} против {N(t.No)} {abst}.";
                }
            case Languages.Arabic:
                {
                    var verb = adopted ? "اعتمدت" : "رفضت";
                    var abst = t.Abstain == 0
                        ? "دون امتناع أي عضو عن التصويت"
                        : $"وامتناع {N(t.Abstain)} {(t.Abstain is >= 3 and <= 10 ? "أعضاء" : "عضوا")} عن التصويت";
                    var yes = $"{N(t.Yes)} {(t.Yes is >= 3 and <= 10 ? "أصوات" : "صوتا")}";
                    return $"{verb} {body} {what} بتصويت مسجل بأغلبية {yes} مقابل {N(t.No)}، {abst}.";
                }
            case Languages.Chinese:
                return $"{body}以{t.Yes}票赞成、{t.No}票反对、{t.Abstain}票弃权的记录表决结果{(adopted ? "通过" : "否决")}了{what}。";
            default:
                {
                    var votes = t.Yes == 1 ? "1 vote" : $"{N(t.Yes)} votes";
                    var abst = t.Abstain switch { 0 => "with no abstentions", 1 => "with 1 abstention", _ => $"with {N(t.Abstain)} abstentions" };
                    return $"{body} {(adopted ? "adopted" : "rejected")} {what} by a recorded vote of {votes} to {N(t.No)}, {abst}.";
                }
        }
    }

    private static string WithoutVote(string language, VoteSubject subject)
    {
        var (body, feminine) = Body(subject.Body, language);
        var what = What(subject, language);
        return language switch
        {
            Languages.French => $"{body} a adopté {what} sans le mettre aux voix.",
            Languages.Spanish => $"{body} aprobó {what} sin someterlo a votación.",
            Languages.Russian => $"{body} {(feminine ? "приняла" : "принял")} {what} без голосования.",
            Languages.Arabic => $"اعتمدت {body} {what} دون تصويت.",
            Languages.Chinese => $"{body}未经表决通过了{what}。",
            _ => $"{body} adopted {what} without a vote.",
        };
    }

    public static string Heading(VoteChoice choice, string language)
    {
        var colon = UnFormats.Colon(language);
        var text = (language, choice) switch
        {
            (Languages.French, VoteChoice.Yes) => "Ont voté pour",
            (Languages.French, VoteChoice.No) => "Ont voté contre",
            (Languages.French, _) => "Se sont abstenus",
            (Languages.Spanish, VoteChoice.Yes) => "Votos a favor",
            (Languages.Spanish, VoteChoice.No) => "Votos en contra",
            (Languages.Spanish, _) => "Abstenciones",
            (Languages.Russian, VoteChoice.Yes) => "Голосовали за",
            (Languages.Russian, VoteChoice.No) => "Голосовали против",
            (Languages.Russian, _) => "Воздержались",
            (Languages.Arabic, VoteChoice.Yes) => "المؤيدون",
            (Languages.Arabic, VoteChoice.No) => "المعارضون",
            (Languages.Arabic, _) => "الممتنعون عن التصويت",
            (Languages.Chinese, VoteChoice.Yes) => "赞成",
            (Languages.Chinese, VoteChoice.No) => "反对",
            (Languages.Chinese, _) => "弃权",
            (_, VoteChoice.Yes) => "In favour",
            (_, VoteChoice.No) => "Against",
            _ => "Abstaining",
        };
        return text + colon;
    }

    private static string Footnote(string name, VoteChoice intended, string language) => language switch
    {
        Languages.French => $"{name}{UnFormats.Colon(language)} la délégation a informé ultérieurement le Secrétariat "
            + "qu’elle avait eu l’intention " + intended switch
            {
                VoteChoice.Yes => "de voter pour.",
                VoteChoice.No => "de voter contre.",
                VoteChoice.Abstain => "de s’abstenir.",
                _ => "de ne pas participer au vote.",
            },
        Languages.Spanish => $"Posteriormente, la delegación de {name} informó a la Secretaría de que había tenido la intención " + intended switch
        {
            VoteChoice.Yes => "de votar a favor.",
            VoteChoice.No => "de votar en contra.",
            VoteChoice.Abstain => "de abstenerse.",
            _ => "de no participar en la votación.",
        },
        Languages.Russian => $"{name}: впоследствии делегация сообщила Секретариату, что намеревалась " + intended switch
        {
            VoteChoice.Yes => "голосовать за.",
            VoteChoice.No => "голосовать против.",
            VoteChoice.Abstain => "воздержаться.",
            _ => "не участвовать в голосовании.",
        },
        Languages.Arabic => $"{name}: أبلغ الوفد الأمانة العامة لاحقا بأنه كان ينوي " + intended switch
        {
            VoteChoice.Yes => "التصويت مؤيدا.",
            VoteChoice.No => "التصويت معارضا.",
            VoteChoice.Abstain => "الامتناع عن التصويت.",
            _ => "عدم المشاركة في التصويت.",
        },
        Languages.Chinese => $"{name}代表团随后通知秘书处，该代表团原打算" + intended switch
        {
            VoteChoice.Yes => "投赞成票。",
            VoteChoice.No => "投反对票。",
            VoteChoice.Abstain => "投弃权票。",
            _ => "不参加表决。",
        },
        _ => $"Subsequently, the delegation of {name} advised the Secretariat that it had intended " + intended switch
        {
            VoteChoice.Yes => "to vote in favour.",
            VoteChoice.No => "to vote against.",
            VoteChoice.Abstain => "to abstain.",
            _ => "not to participate in the vote.",
        },
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Rules on ballots: only Member States vote, once each, and nothing changes after the vote is closed.</summary>
public static class BallotRules
{
    public static VoteChoice ValidateBallot(StateDirectory states, string? iso3, string? choice)
    {
        if (!states.TryGet(iso3, out var s) || s.Status != UnStatus.Member)
            throw new DomainException(FailureKind.Invalid, new DomainError("not-a-member-state", "ballots") { Arguments = [iso3 ?? ""] });
        return VoteChoices.Parse(choice, "ballots");
    }

    /// <summary>The choice a word stands for ("yes", "abstain", "np"…), or null when the word is not a vote.</summary>
    public static VoteChoice? TryChoice(string word)
    {
        try
        {
            return VoteChoices.Parse(word, "ballots");
        }
        catch (DomainException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a file of ballots: "ISO3,choice" lines, or lines reading "yes", "no", "abstain" or
    /// "non-participating" each followed by the codes of the States that voted so, separated by commas,
    /// spaces or lines. Every error names the line and the code or word it is about, so the secretariat
    /// can fix the file; the errors are all reported at once.
    /// </summary>
    /// <param name="rows">The file's rows of cells, as the host's CSV reader parsed them.</param>
    public static IReadOnlyDictionary<string, VoteChoice> Import(StateDirectory states, IEnumerable<IReadOnlyList<string>> rows)
    {
        var result = new Dictionary<string, VoteChoice>(StringComparer.Ordinal);
        var errors = new List<DomainError>();
        VoteChoice? section = null;
        var line = 0;
        void Fail(string code, string word) =>
            errors.Add(new DomainError(code, "ballots") { Arguments = [line.ToString(CultureInfo.InvariantCulture), word] });
        void Cast(string word, VoteChoice choice)
        {
            var iso3 = word.ToUpperInvariant();
            if (!states.TryGet(iso3, out var s) || s.Status != UnStatus.Member) Fail("ballot-unknown-state", word);
            else if (!result.TryAdd(iso3, choice)) Fail("ballot-duplicate", iso3);
        }
        foreach (var row in rows)
        {
            line++;
            var words = row.SelectMany(c => c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(w => w.Length > 0).ToList();
            if (words.Count == 0) continue;
            if (line == 1 && words[0].Equals("state", StringComparison.OrdinalIgnoreCase)) continue;
            // A heading: the States listed after it voted so.
            if (words.Count == 1 && TryChoice(words[0]) is { } heading && !states.TryGet(words[0], out _))
            {
                section = heading;
                continue;
            }
            // "FRA,yes": one State and its vote.
            if (words.Count == 2 && TryChoice(words[1]) is { } pair && TryChoice(words[0]) is null)
            {
                Cast(words[0], pair);
                continue;
            }
            foreach (var word in words)
            {
                if (section is { } choice) Cast(word, choice);
                else if (states.TryGet(word, out _)) Fail("ballot-no-choice", word.ToUpperInvariant());
                else Fail("ballot-unknown-state", word);
            }
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (result.Count == 0) throw DomainException.Invalid("no-ballots", "ballots");
        return result;
    }
}
