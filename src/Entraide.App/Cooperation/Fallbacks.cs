using System.Collections.Concurrent;
using Entraide.App.Infrastructure.Documents;
using Entraide.App.Knowledge;
using Entraide.App.Network;
using Entraide.App.Notifications;
using Entraide.Domain.Common;

namespace Entraide.App.Cooperation;

// Stand-ins for services other modules own, registered with TryAdd so that the real ones win once
// merged. Each behaves as the safest honest answer: default profile, "unknown", recorded, unavailable.

/// <summary>A profile for States whose Network profile is not available: the common languages, 8 hours, UTC, no contacts.</summary>
internal sealed class DefaultStateProfiles : IStateProfiles
{
    public Task<CooperationProfile> GetCooperationProfileAsync(string state, CancellationToken ct) =>
        Task.FromResult(new CooperationProfile(state, ["en", "fr", "es"], false, false, true, new HashSet<string>(),
            CooperationProfile.DefaultEmergencyAcknowledgement, "UTC", [], []));
}

internal sealed class UnknownDualCriminality : IDualCriminality
{
    public Task<DualCriminalityAnswer> CheckAsync(DualCriminalityQuestion question, CancellationToken ct) =>
        Task.FromResult(new DualCriminalityAnswer(DualCriminalityOutcome.Unknown, []));
}

/// <summary>Keeps what it was asked to send (the last few thousand), so tests and operators can see it.</summary>
public sealed class RecordedNotifications : INotifications
{
    private const int Keep = 5000;
    private readonly ConcurrentQueue<Notification> _sent = new();

    public void Enqueue(Notification notification)
    {
        _sent.Enqueue(notification);
        while (_sent.Count > Keep && _sent.TryDequeue(out _)) { }
    }

    public IReadOnlyList<Notification> Sent => [.. _sent];
}

internal sealed class UnavailablePdfPrinter : IPdfPrinter
{
    public Task<byte[]> PrintAsync(string html, PdfOptions options, CancellationToken ct) =>
        throw new DomainException(FailureKind.Conflict, "pdf-unavailable");
}
