namespace Tandem.Runtime;

/// <summary>Images (CRI ImageService): pull from OCI registries, import archives, list, remove.</summary>
public interface IImageRuntime
{
    /// <summary>Pulls an image (all of its layers, verified by digest) and returns its local record.</summary>
    Task<ImageInfo> PullImageAsync(string image, RegistryCredentials? credentials, IProgress<PullProgress>? progress, CancellationToken cancellationToken);

    /// <summary>The local image a name or id refers to, or null when it is not present.</summary>
    Task<ImageInfo?> ImageStatusAsync(string image, CancellationToken cancellationToken);

    Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken);

    /// <summary>Removes an image; fails with <see cref="RuntimeErrorCode.FailedPrecondition"/> while a container uses it.</summary>
    Task RemoveImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Imports an OCI image layout or docker-archive tarball under the given name.</summary>
    Task<ImageInfo> ImportImageAsync(string archivePath, string name, CancellationToken cancellationToken);
}
