namespace Entraide.App.Evidence.Storage;

/// <summary>
/// Sealed evidence as files under <c>{root}/objects/ab/cd/abcd…</c>, named by the SHA-256 of their encrypted bytes.
/// The staging folder is on the same disk, so taking an upload over is a rename.
/// </summary>
internal sealed class FileEvidenceStore(EvidenceStorageSettings settings) : IEvidenceStore
{
    private string ObjectsRoot => Path.Combine(settings.Root, "objects");

    public Task<string> PutAsync(string stagedPath, string sha256Hex, CancellationToken ct)
    {
        var key = Key(sha256Hex);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(stagedPath); // the same bytes are already there: one copy is enough
        else File.Move(stagedPath, path);
        return Task.FromResult(key);
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(storageKey), new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.SequentialScan,
        }));

    public Task DeleteAsync(string storageKey, CancellationToken ct)
    {
        var path = PathOf(storageKey);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>The file of a storage key (for tests and the operators' tools).</summary>
    internal string PathOf(string storageKey)
    {
        if (storageKey.Length != 64 || !storageKey.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a storage key.", nameof(storageKey));
        return Path.Combine(ObjectsRoot, storageKey[..2], storageKey[2..4], storageKey);
    }

    private static string Key(string sha256Hex) => sha256Hex.ToLowerInvariant();
}
