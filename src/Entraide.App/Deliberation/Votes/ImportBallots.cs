using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Csv;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.App.Deliberation.Votes;

/// <param name="Content">The text/csv file: lines 'ISO3,choice', or ISO3 codes under 'yes' / 'no' / 'abstain' / 'non-participating' lines.</param>
public sealed record ImportBallots(string Content, int Version);

/// <summary>The secretariat replaces every ballot with those of an imported file, read through <see cref="CsvFiles"/>.</summary>
public sealed class ImportBallotsHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, StateDirectory states, VoteQueries votes)
    : IHandler
{
    public const int MaxLength = 100_000;

    public async Task<Vote> HandleAsync(Guid voteId, ImportBallots command, CancellationToken ct)
    {
        var v = await votes.LoadAsync(voteId, ct);
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (command.Content.Length > MaxLength) throw new DomainException(FailureKind.Invalid, TextRules.TooLong("ballots", MaxLength));
        v.ImportBallots(CsvFiles.ReadRows(new StringReader(command.Content)), command.Version, states);
        audit.Action = "deliberation.vote.import";
        await db.SaveChangesAsync(ct);
        return v;
    }
}
