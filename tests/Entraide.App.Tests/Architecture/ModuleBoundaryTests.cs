using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Entraide.App.Tests.Architecture;

/// <summary>
/// The modules of the host talk to one another only through the other module's <c>Contracts.cs</c> (and
/// Infrastructure, Web and the domain library): no module's code or page touches another module's
/// entities, persistence, handlers, queries, endpoint classes or pages. The rule is namespace based: a
/// module is every type in <c>Entraide.App.&lt;Module&gt;</c> and below, plus its compiled Razor views
/// (<c>AspNetCoreGeneratedDocument.&lt;Module&gt;_…</c>); its contract is the set of types declared in its
/// <c>Contracts.cs</c>, read from the source so that a type moved out of it stops being allowed.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Cooperation", "Network", "Knowledge", "Deliberation", "Notifications", "Trust"];

    /// <summary>
    /// Known crossings, each with its reason: "<c>using module -> used type</c>" (<c>*</c> for every module).
    /// <see cref="EveryAllowedCrossing_IsStillNeeded"/> fails on one no longer used, so the list only shrinks.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // Who is acting is Trust's to say and every module's first question; the interface lives beside its
        // implementation in Trust/CurrentActor.cs rather than in Trust/Contracts.cs.
        ["* -> Entraide.App.Trust.ICurrentActor"] = "the acting Actor, asked by every handler and page",
    };

    [Fact]
    public void EveryModule_UsesOtherModules_OnlyThroughTheirContracts()
    {
        var assembly = typeof(Program).Assembly;
        var contracts = Modules.ToDictionary(m => m, ContractTypesOf);
        var allowed = Allowed.Keys.Select(k => k.Split(" -> ")[1]).ToHashSet(StringComparer.Ordinal);
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var user in Modules)
        {
            foreach (var owner in Modules.Where(m => m != user))
            {
                var forbidden = InternalTypesOf(assembly, owner, contracts[owner])
                    .Where(t => !allowed.Contains(t) && !contracts[owner].Any(c => c.StartsWith(t, StringComparison.Ordinal))).ToArray();
                if (forbidden.Length == 0) continue;
                foreach (var f in OfModule(user).ShouldNot().HaveDependencyOnAny(forbidden).GetResult().FailingTypeNames ?? [])
                {
                    if (BelongsTo(f, user)) violations.Add($"{Outer(f)} uses {owner}'s internals");
                }
            }
        }
        Assert.True(violations.Count == 0,
            "Types using another module's internals (use its Contracts.cs):" + Environment.NewLine + string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void EveryAllowedCrossing_IsStillNeeded()
    {
        var stale = Allowed.Keys.Where(k =>
        {
            var (user, type) = (k.Split(" -> ")[0], k.Split(" -> ")[1]);
            var users = user == "*" ? Modules.Where(m => !type.StartsWith($"Entraide.App.{m}.", StringComparison.Ordinal)) : [user];
            return !users.Any(u => (OfModule(u).ShouldNot().HaveDependencyOn(type).GetResult().FailingTypeNames ?? []).Any(f => BelongsTo(f, u)));
        }).ToList();
        Assert.True(stale.Count == 0, "Allowed crossings no longer needed, remove them: " + string.Join(", ", stale));
    }

    [Fact]
    public void TheRule_SeesACrossing_InCodeAndInCompiledPages()
    {
        // The scan must find the dependencies that are there, in handlers and in Razor views, or it proves nothing.
        var inCode = OfModule("Cooperation").ShouldNot().HaveDependencyOn("Entraide.App.Trust.ICurrentActor").GetResult().FailingTypeNames ?? [];
        Assert.Contains("Entraide.App.Cooperation.Requests.TransitionRequestHandler", inCode);
        var inPages = OfModule("Deliberation").ShouldNot().HaveDependencyOn("Entraide.App.Trust.ICurrentActor").GetResult().FailingTypeNames ?? [];
        Assert.Contains(inPages, f => f.StartsWith("AspNetCoreGeneratedDocument.Deliberation_", StringComparison.Ordinal));
        Assert.Contains("Entraide.App.Knowledge.DualCriminalityQuestion", ContractTypesOf("Knowledge"));
        Assert.DoesNotContain(InternalTypesOf(typeof(Program).Assembly, "Knowledge", ContractTypesOf("Knowledge")),
            t => t == "Entraide.App.Knowledge.IDualCriminality");
    }

    private static PredicateList OfModule(string module) =>
        Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespaceStartingWith($"Entraide.App.{module}.")
            .Or().ResideInNamespace($"Entraide.App.{module}")
            .Or().HaveNameStartingWith(module + "_");

    private static bool BelongsTo(string typeName, string module) =>
        typeName.StartsWith($"Entraide.App.{module}.", StringComparison.Ordinal)
        || typeName.StartsWith($"AspNetCoreGeneratedDocument.{module}_", StringComparison.Ordinal);

    private static string Outer(string typeName) => typeName.Split('/', '+')[0];

    /// <summary>The full names of the module's top-level types that are not declared in its Contracts.cs.</summary>
    private static IEnumerable<string> InternalTypesOf(Assembly assembly, string module, HashSet<string> contract) =>
        assembly.GetTypes()
            .Where(t => !t.IsNested && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace == $"Entraide.App.{module}" || (t.Namespace?.StartsWith($"Entraide.App.{module}.",
                StringComparison.Ordinal) ?? false)
                || (t.Namespace == "AspNetCoreGeneratedDocument" && t.Name.StartsWith(module + "_", StringComparison.Ordinal)))
            .Select(t => t.FullName!)
            .Where(n => !contract.Contains(n) && !n.Contains('<', StringComparison.Ordinal))
            .Distinct();

    private static HashSet<string> ContractTypesOf(string module)
    {
        var file = Path.Combine(RepositoryRoot(), "src", "Entraide.App", module, "Contracts.cs");
        if (!File.Exists(file)) return [];
        var source = File.ReadAllText(file);
        var ns = NamespacePattern().Match(source).Groups[1].Value;
        return [.. TypePattern().Matches(source).Select(m => ns + "." + m.Groups[1].Value)];
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Entraide.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Entraide.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:class|record|interface|enum|struct)\s+(\w+)",
        RegexOptions.Multiline)]
    private static partial Regex TypePattern();
}
