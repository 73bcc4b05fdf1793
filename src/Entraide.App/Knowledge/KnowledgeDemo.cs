namespace Entraide.App.Knowledge;

internal static class KnowledgeDemo
{
    public static Task SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct) => Task.CompletedTask;
}
