namespace Tandem.Runtime;

/// <summary>
/// The image name that means "no image: run on the host's own filesystem, read-only". It stays a
/// valid image reference, so the manifest stays valid Kubernetes YAML; on a real cluster it
/// simply fails to pull, which is the honest outcome for a container that needs this machine.
/// </summary>
public static class HostImage
{
    public const string Name = "tandem.local/host";

    public static bool Is(string image) =>
        image == Name || image.StartsWith(Name + ":", StringComparison.Ordinal);
}
