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
        if (Problem(executable, env, workingDir, rootfs, mounts, requireExecutable: false) is { } problem)
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"container \"{containerName}\": {problem}");
        }
    }

    /// <summary>
    /// Why <paramref name="executable"/> cannot be run in the container, worded as runc words it (<c>exec: "x":
    /// executable file not found in $PATH</c>), or null when it can. <paramref name="requireExecutable"/> also
    /// rejects a file without an execute bit, as the PATH search of runc (Go's LookPath) does.
    /// </summary>
    public static string? Problem(string executable, IReadOnlyList<string> env, string workingDir, string rootfs, IReadOnlyList<Mount> mounts, bool requireExecutable)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            var path = executable.StartsWith('/') ? executable : Path.Combine(workingDir, executable);
            var found = Find(path, rootfs, mounts);
            if (found is null || (!requireExecutable && found is DirectoryInfo))
            {
                return $"exec: \"{executable}\": stat {path}: no such file or directory";
            }
            return requireExecutable && !IsExecutable(found) ? $"exec: \"{executable}\": permission denied" : null;
        }
        var pathVariable = env.LastOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?["PATH=".Length..] ?? ContainerProcess.DefaultPath["PATH=".Length..];
        foreach (var directory in pathVariable.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (directory.StartsWith('/') && Find(Path.Combine(directory, executable), rootfs, mounts) is { } found && (requireExecutable ? IsExecutable(found) : found is FileInfo))
            {
                return null;
            }
        }
        return $"exec: \"{executable}\": executable file not found in $PATH";
    }

    // A symlink is given the benefit of the doubt: its target may be one only the container's mounts make real.
    private static bool IsExecutable(FileSystemInfo found) =>
        found.LinkTarget is not null
        || (found is FileInfo && (found.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    // A symlink counts as found: it may point at something only the container's mounts make real.
    private static FileSystemInfo? Find(string containerPath, string rootfs, IReadOnlyList<Mount> mounts)
    {
        var mount = mounts
            .Where(m => containerPath == m.ContainerPath || containerPath.StartsWith(m.ContainerPath.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.ContainerPath.Length)
            .FirstOrDefault();
        var hostPath = mount is null
            ? rootfs.TrimEnd('/') + containerPath
            : mount.HostPath.TrimEnd('/') + containerPath[mount.ContainerPath.TrimEnd('/').Length..];
        var info = new FileInfo(hostPath);
        if (info.Exists || info.LinkTarget is not null)
        {
            return info;
        }
        var directory = new DirectoryInfo(hostPath);
        return directory.Exists ? directory : null;
    }
}
