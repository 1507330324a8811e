namespace Tandem.Node.Volumes;

/// <summary>Mounts and unmounts the tmpfs of <c>emptyDir.medium: Memory</c> (needs root).</summary>
public interface ITmpfsMounter
{
    void Mount(string directory, long? sizeBytes);

    /// <summary>Unmounts if mounted; succeeds when nothing is mounted there.</summary>
    void Unmount(string directory);
}
