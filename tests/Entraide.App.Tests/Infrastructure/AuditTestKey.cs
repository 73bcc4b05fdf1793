using System.Runtime.CompilerServices;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// One audit seal key for the whole test run, as an installation has one: the in-process servers, the
/// CLI run in-process (which starts as production and refuses to write an entry without a key) and the
/// server processes some tests start all read it from the environment, so entries one writes another
/// chains. Tests of the key's own rules build their configuration without it.
/// </summary>
internal static class AuditTestKey
{
    public const string Base64 = "ZW50cmFpZGUtdGVzdHMtYXVkaXQtc2VhbC1rZXktMzJi";

#pragma warning disable CA2255 // a test assembly: set before any test or host reads the environment
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Set()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Audit__MacKey")))
            Environment.SetEnvironmentVariable("Audit__MacKey", Base64);
    }
}
