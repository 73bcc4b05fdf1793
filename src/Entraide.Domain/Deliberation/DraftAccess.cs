using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Deliberation;

/// <summary>
/// Who reads and edits a draft resolution, through the isolation rule: a draft is shared by its
/// sponsors' States. Before issue it exists only for its main sponsors and the secretariat; once issued
/// its issued text and later revisions are public, while the texts the main sponsors worked on before
/// issue stay with them and the secretariat. Co-sponsors join the issued text and see what the public
/// sees (docs/decisions/deliberation-records.md).
/// </summary>
public static class DraftAccess
{
    public const string MainSponsor = "main-sponsor";

    /// <summary>The main sponsors of a draft, as parties of the record: their delegates prepare and revise it.</summary>
    public static IEnumerable<Party> MainSponsors(DraftResolution d) =>
        d.Sponsors.Where(s => s.Kind == SponsorKind.Main).Select(s => new Party(s.State, MainSponsor, [Roles.Delegate]));

    /// <summary>The secretariat, which issues drafts, and the main sponsors' delegates see the working texts.</summary>
    public static bool SeesWorkingTexts(Actor actor, DraftResolution d) => actor.IsSecretariat || actor.PartyOf(MainSponsors(d)) is not null;

    public static bool CanSee(Actor actor, DraftResolution d) => d.Status != DraftStatus.Working || SeesWorkingTexts(actor, d);

    public static bool CanEdit(Actor actor, DraftResolution d) => SeesWorkingTexts(actor, d);

    /// <summary>The first revision the public reads: the one issued under the symbol.</summary>
    public static int FirstPublicRevision(DraftResolution d) => d.Status == DraftStatus.Working ? int.MaxValue : d.IssuedRevision ?? 0;

    /// <summary>The first revision <paramref name="actor"/> reads: every one for the working texts' readers, the issued one for others.</summary>
    public static int FirstVisibleRevision(Actor actor, DraftResolution d) => SeesWorkingTexts(actor, d) ? 0 : FirstPublicRevision(d);

    /// <summary>A revision before <paramref name="first"/> does not exist for the caller (404), whatever route asks for it.</summary>
    public static void EnsureVisible(int? revision, int first)
    {
        if (revision is { } n && n < first) throw DomainException.NotFound("revision");
    }
}
