using Entraide.App.Trust;
using Entraide.Domain.Trust;

namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// What the demo seeders of the modules share: the demo accounts as actors (found through Trust's
/// <see cref="IAccountDirectory"/>), and the module's own use-case handlers built for one of them, on a clock
/// set back by a given time, so that the demo holds requests sent hours or weeks ago and deadlines already
/// passed, all written by the real handlers (rules, timelines, audit and notifications included).
/// </summary>
public sealed class DemoActors(IServiceProvider services, IAccountDirectory accounts, TimeProvider clock)
{
    private readonly Dictionary<(string?, string), Actor> _actors = [];

    /// <summary>The demo account of <paramref name="state"/> (the secretariat when null) holding <paramref name="role"/>.</summary>
    public async Task<Actor> ActorAsync(string? state, string role, CancellationToken ct)
    {
        if (_actors.TryGetValue((state, role), out var known)) return known;
        var holder = (await accounts.RoleHoldersAsync(state, [role], ct))
            .Where(h => h.Email?.EndsWith("@" + DemoAccounts.Domain, StringComparison.OrdinalIgnoreCase) == true)
            .OrderBy(h => h.Email, StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No demo account of {state ?? "the secretariat"} holds {role}.");
        var name = (await accounts.MailboxesAsync([holder.AccountId], ct)).GetValueOrDefault(holder.AccountId)?.DisplayName ?? holder.Email!;
        return _actors[(state, role)] = new Actor(holder.AccountId, name, state, new HashSet<string>(StringComparer.Ordinal) { role });
    }

    /// <summary>
    /// <typeparamref name="T"/> acting as <paramref name="actor"/>, <paramref name="ago"/> before now; <paramref name="parts"/>
    /// are dependencies built the same way (a handler's collaborators that read the clock too).
    /// </summary>
    public T Build<T>(Actor actor, TimeSpan ago, params object[] parts) where T : class
    {
        // Only what the constructor takes: the activator refuses an argument it has no parameter for.
        var wanted = typeof(T).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
        object[] given = [new Acting(actor), new SetBack(clock, ago), .. parts];
        return ActivatorUtilities.CreateInstance<T>(services,
            [.. given.Where(g => wanted.Any(p => p.ParameterType.IsInstanceOfType(g)))]);
    }

    /// <summary>A clock <c>ago</c> behind the real one.</summary>
    public TimeProvider ClockAt(TimeSpan ago) => new SetBack(clock, ago);

    private sealed class Acting(Actor actor) : ICurrentActor
    {
        public Actor Current => actor;
    }

    private sealed class SetBack(TimeProvider inner, TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() - ago;
        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    }
}
