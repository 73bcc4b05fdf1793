namespace Entraide.App.Evidence.Storage;

/// <summary>
/// Where sealed evidence lives: encrypted objects named by the SHA-256 of their stored (encrypted) bytes, so an
/// object's name proves its integrity and two copies never diverge. The default is a folder on disk
/// (<see cref="FileEvidenceStore"/>); an S3-compatible object store is the next backend behind this interface.
/// Uploads in progress are kept in <see cref="UploadStaging"/> (local disk) and handed over whole when complete.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Takes over the complete encrypted file at <paramref name="stagedPath"/> (moved or copied, then deleted) under the
    /// content address <paramref name="sha256Hex"/>; returns the storage key.
    /// </summary>
    Task<string> PutAsync(string stagedPath, string sha256Hex, CancellationToken ct);

    /// <summary>The stored object for reading, from its first byte; <see cref="FileNotFoundException"/> when it is gone.</summary>
    Task<Stream> OpenReadAsync(string storageKey, CancellationToken ct);

    /// <summary>Removes an object; nothing happens when it is already gone.</summary>
    Task DeleteAsync(string storageKey, CancellationToken ct);
}
