using Tandem.Runtime.Runc.SubPaths;

namespace Tandem.Node.Containers;

/// <summary>
/// Prepares a <c>subPath</c> mount the way the kubelet does after CVE-2017-1002101 (subpath_linux.go): the path is
/// created inside the volume if missing and opened without ever resolving outside it, and the object that was
/// checked is bind-mounted at <c>&lt;podDir&gt;/volume-subpaths/&lt;volume&gt;/&lt;container&gt;/&lt;index&gt;</c>. The container mounts
/// that stable path, so a symlink swapped in afterwards changes nothing.
/// </summary>
public interface ISubPathMounter
{
    string Prepare(string volumeRoot, string subPath, string target);

    /// <summary>Unmounts and removes every prepared subPath under the pod directory. Idempotent.</summary>
    void CleanUp(string podDirectory);
}

/// <summary>The real one: openat2 beneath the volume, then a bind mount.</summary>
public sealed class LinuxSubPathMounter : ISubPathMounter
{
    public string Prepare(string volumeRoot, string subPath, string target)
    {
        if (!Path.Exists(Path.Combine(volumeRoot, subPath)) && !IsSymlink(Path.Combine(volumeRoot, subPath)))
        {
            // The kubelet creates a missing subPath as a directory (doSafeMakeDir), never following a link out.
            SafeSubPath.MakeDirectories(volumeRoot, subPath, (UnixFileMode)0b111_101_101);
        }
        using var handle = SafeSubPath.Open(volumeRoot, subPath);
        handle.BindTo(target);
        return target;
    }

    public void CleanUp(string podDirectory)
    {
        var root = Path.Combine(podDirectory, "volume-subpaths");
        if (!Directory.Exists(root))
        {
            return;
        }
        SubPathMounts.UnmountUnder(root);
        Directory.Delete(root, recursive: true);
    }

    private static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;
}
