namespace Entraide.App.Infrastructure.Hosting.Seeding;

/// <summary>Runs the registered <see cref="ISeeder"/>s of a stage in order, and prints the demo accounts.</summary>
public sealed class SeedRunner(IEnumerable<ISeeder> seeders, IServiceProvider services, Trust.ICurrentActor actor)
{
    public Task RunAsync(bool demo, TextWriter output, CancellationToken ct) => RunAsync(demo, output, SeedStage.All, ct);

    public async Task RunAsync(bool demo, TextWriter output, SeedStage stage, CancellationToken ct)
    {
        if (actor is Trust.HttpCurrentActor h) h.Set(Domain.Trust.Actor.System);
        var context = new SeedContext(services, demo, output);
        foreach (var s in seeders.Where(s => stage switch
                 {
                     SeedStage.Reference => s.Reference,
                     SeedStage.Background => !s.Reference,
                     _ => true,
                 }).OrderBy(s => s.Order))
        {
            await s.SeedAsync(context, ct);
            StartupTrace.Mark("seeder " + s.GetType().Name);
        }
        if (demo && context.Accounts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Demo accounts (password for all: {0}; authenticator key for all: {1})", Trust.DemoAccounts.Password, Trust.DemoAccounts.AuthenticatorKey);
            output.WriteLine("{0,-34} {1,-6} {2}", "account", "state", "roles");
            foreach (var (account, state, roles) in context.Accounts) output.WriteLine("{0,-34} {1,-6} {2}", account, state, roles);
            output.WriteLine();
        }
    }
}
