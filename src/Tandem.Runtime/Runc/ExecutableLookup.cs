namespace Tandem.Runtime.Runc;

/// <summary>
/// Finds the container's executable before anything runs, the check CRI-O makes at <c>CreateContainer</c>, so a
/// command that is not in the image fails the create (<c>CreateContainerError</c>, with the reason in the message)
/// instead of starting a process that dies at once. The lookup happens where the container will see it: in the
/// rootfs, or in a volume mounted over the path.
/// </summary>
internal static class ExecutableLookup
{
    public static void Check(string containerName, string executable, IReadOnlyList<string> env, string workingDir, string rootfs, IReadOnlyList<Mount> mounts)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            var path = executable.StartsWith('/') ? executable : Path.Combine(workingDir, executable);
            if (!Exists(path, rootfs, mounts))
            {
                throw new RuntimeException(RuntimeErrorCode.InvalidArgument,
                    $"container \"{containerName}\": exec: \"{executable}\": stat {path}: no such file or directory");
            }
            return;
        }
        var pathVariable = env.LastOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?["PATH=".Length..] ?? ContainerProcess.DefaultPath["PATH=".Length..];
        foreach (var directory in pathVariable.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (directory.StartsWith('/') && Exists(Path.Combine(directory, executable), rootfs, mounts))
            {
                return;
            }
        }
        throw new RuntimeException(RuntimeErrorCode.InvalidArgument,
            $"container \"{containerName}\": exec: \"{executable}\": executable file not found in $PATH");
    }

    // A symlink counts as found: it may point at something only the container's mounts make real.
    private static bool Exists(string containerPath, string rootfs, IReadOnlyList<Mount> mounts)
    {
        var mount = mounts
            .Where(m => containerPath == m.ContainerPath || containerPath.StartsWith(m.ContainerPath.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.ContainerPath.Length)
            .FirstOrDefault();
        var hostPath = mount is null
            ? rootfs.TrimEnd('/') + containerPath
            : mount.HostPath.TrimEnd('/') + containerPath[mount.ContainerPath.TrimEnd('/').Length..];
        var info = new FileInfo(hostPath);
        return info.Exists || info.LinkTarget is not null;
    }
}
