using System.Globalization;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Register;
using Entraide.App.Notifications;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Verification;

/// <param name="ResponseHours">Time allowed to acknowledge, in hours (default 24; from 0.25 to 336).</param>
public sealed record StartVerificationRound(double? ResponseHours, string? Message);

/// <summary>
/// The secretariat sends a verification message to every 24/7 point of contact, each to acknowledge in
/// the platform within the time given; each point's State is notified where notifications are installed.
/// </summary>
public sealed class StartVerificationRoundHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    IServiceProvider services, RegisterSnapshot register, VerificationQueries queries) : IHandler
{
    public async Task<RoundDetail> HandleAsync(StartVerificationRound command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var round = VerificationRound.Start(command.ResponseHours, command.Message, current.Current, now);
        var points = await db.Set<Authority>().Where(a => a.Kind == AuthorityKinds.PointOfContact).ToListAsync(ct);
        if (points.Count == 0) throw DomainException.Conflict("no-points-to-verify");
        db.Add(round);
        var notifications = services.GetService<INotifications>();
        foreach (var point in points)
        {
            var check = round.SendTo(point);
            db.Add(check);
            // Delivered by the notifications module where it is installed; the check is in the platform regardless.
            notifications?.Enqueue(new Notification(point.State, [Roles.PointOfContact], "network.verification.requested",
                $"/verification/{check.Id}", check.Id, Urgent: false, [point.Name, check.DueBy.ToString("u", CultureInfo.InvariantCulture)]));
        }
        audit.Action = "network.verification.start";
        await db.SaveChangesAsync(ct);
        register.Invalidate();
        return await queries.GetAsync(round.Id, Languages.Default, ct);
    }
}
