namespace Entraide.App.Infrastructure.Hosting.Seeding;

/// <summary>Runs the registered <see cref="ISeeder"/>s of a stage in order, and prints the demo accounts.</summary>
public sealed class SeedRunner(IServiceProvider services, Trust.ICurrentActor actor)
{
    public Task RunAsync(bool demo, TextWriter output, CancellationToken ct) => RunAsync(demo, output, SeedStage.All, ct);

    public Task RunAsync(bool demo, TextWriter output, SeedStage stage, CancellationToken ct) => RunAsync(demo, output, stage, true, ct);

    /// <summary>Runs the stage; the demo accounts it made are printed (boxed) unless the caller prints them itself.</summary>
    public async Task<IReadOnlyList<(string Account, string State, string Roles)>> RunAsync(bool demo, TextWriter output, SeedStage stage,
        bool printAccounts, CancellationToken ct)
    {
        if (actor is Trust.HttpCurrentActor h) h.Set(Domain.Trust.Actor.System);
        var context = new SeedContext(services, demo, output);
        // Resolved per stage: the reference stage builds only the reference seeders and what they need.
        IEnumerable<ISeeder> seeders = stage switch
        {
            SeedStage.Reference => services.GetServices<IReferenceSeeder>(),
            SeedStage.Background => services.GetServices<ISeeder>().Where(s => s is not IReferenceSeeder),
            _ => services.GetServices<ISeeder>(),
        };
        foreach (var s in seeders.OrderBy(s => s.Order))
        {
            await s.SeedAsync(context, ct);
            StartupTrace.Mark("seeder " + s.GetType().Name);
        }
        if (demo && printAccounts) DemoCredentials.Write(output, context.Accounts);
        return context.Accounts;
    }
}
