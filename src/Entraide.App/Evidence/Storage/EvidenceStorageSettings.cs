using Entraide.App.Infrastructure.Persistence;

namespace Entraide.App.Evidence.Storage;

/// <summary>
/// Where evidence is kept and how uploads behave: <c>Evidence:Storage:Path</c> (default <c>evidence/</c> in the data
/// folder), <c>Evidence:Uploads:MaxSize</c> in bytes (default 1 TiB) and <c>Evidence:Uploads:ExpiryHours</c>, how long
/// an unfinished upload waits after its last chunk before its partial content is deleted (default 24).
/// </summary>
public sealed class EvidenceStorageSettings
{
    public const long DefaultMaxSize = 1L << 40;

    public EvidenceStorageSettings(IConfiguration configuration, DatabaseSettings database)
    {
        var path = configuration["Evidence:Storage:Path"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Path.Combine(database.DataDirectory, "evidence") : path);
        MaxSize = configuration.GetValue("Evidence:Uploads:MaxSize", DefaultMaxSize);
        Expiry = TimeSpan.FromHours(configuration.GetValue("Evidence:Uploads:ExpiryHours", 24.0));
        SweepInterval = TimeSpan.FromMinutes(configuration.GetValue("Evidence:Uploads:SweepMinutes", 10.0));
    }

    public string Root { get; }
    public long MaxSize { get; }
    public TimeSpan Expiry { get; }
    public TimeSpan SweepInterval { get; }
}
