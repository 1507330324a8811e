using System.Globalization;

namespace Tandem.Runtime.Runc;

/// <summary>
/// The cgroup facts the driver reads and the parents it removes. runc creates and deletes each
/// container's own cgroup; the sandbox's parent directory is ours. Works on cgroup v1, v2 and the
/// hybrid layout of these hosts.
/// </summary>
internal static class Cgroups
{
    private const string Root = "/sys/fs/cgroup";

    /// <summary>How many times the kernel OOM-killed a process in the cgroup (v1 memory.oom_control, v2 memory.events).</summary>
    public static long OomKills(string cgroupPath)
    {
        foreach (var file in new[] { $"{Root}/memory{cgroupPath}/memory.oom_control", $"{Root}{cgroupPath}/memory.events", $"{Root}/unified{cgroupPath}/memory.events" })
        {
            if (!File.Exists(file))
            {
                continue;
            }
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && parts[0] == "oom_kill" && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var kills) && kills > 0)
                {
                    return kills;
                }
            }
        }
        return 0;
    }

    /// <summary>Every directory of a cgroup path across all hierarchies.</summary>
    public static IEnumerable<string> Directories(string cgroupPath)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        var rel = cgroupPath.TrimStart('/');
        var roots = File.Exists(Path.Combine(Root, "cgroup.controllers")) ? [Root] : Directory.EnumerateDirectories(Root);
        return roots.Select(r => Path.Combine(r, rel)).Where(Directory.Exists).ToList();
    }

    /// <summary>Removes a cgroup subtree, children first (cgroup directories are removed with rmdir, never recursively).</summary>
    public static void Remove(string cgroupPath)
    {
        foreach (var directory in Directories(cgroupPath))
        {
            List<string> children;
            try
            {
                children = [.. Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories)];
            }
            catch (DirectoryNotFoundException)
            {
                // Removed meanwhile (runc delete of the last container takes its cgroup).
                continue;
            }
            foreach (var child in children.OrderByDescending(d => d.Length).Append(directory))
            {
                try
                {
                    Directory.Delete(child);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Still populated (a process not dead yet): the next removal tries again.
                }
            }
        }
    }

    /// <summary>Removes a cgroup directory that no longer has children (the shared parent of all sandboxes).</summary>
    public static void RemoveIfEmpty(string cgroupPath)
    {
        foreach (var directory in Directories(cgroupPath))
        {
            try
            {
                if (!Directory.EnumerateDirectories(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another sandbox was created meanwhile (it stays), or another removal took it first.
            }
        }
    }
}
