using System.Globalization;

namespace Tandem.Testing.Runtime;

/// <summary>Inspects the machine for anything a runtime with the given options left behind: processes, mounts, network namespaces, cgroups, state directories.</summary>
public static class Leftovers
{
    public static List<string> Find(Tandem.Runtime.Runc.RuncRuntimeOptions options)
    {
        var found = new List<string>();
        var cgroupMarker = $"/{options.HostPrefix}/";
        foreach (var proc in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out _)))
        {
            try
            {
                // A zombie is already dead and holds nothing: after a node was SIGKILLed, its containers' processes
                // belong to init, which reaps them when it gets to it.
                if (File.ReadAllText(Path.Combine(proc, "cgroup")).Contains(cgroupMarker, StringComparison.Ordinal)
                    && State(File.ReadAllText(Path.Combine(proc, "stat"))) != 'Z')
                {
                    found.Add($"process {Path.GetFileName(proc)} ({File.ReadAllText(Path.Combine(proc, "stat")).Split(' ')[1..3].Aggregate((a, b) => a + " " + b)})");
                }
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }
        var root = options.StateRoot.TrimEnd('/') + "/";
        found.AddRange(File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' ')[4]).Where(m => m.StartsWith(root, StringComparison.Ordinal)).Select(m => "mount " + m));
        if (Directory.Exists("/run/netns"))
        {
            found.AddRange(Directory.EnumerateFiles("/run/netns", options.HostPrefix + "-*").Select(n => "netns " + n));
        }
        found.AddRange(Directory.EnumerateDirectories("/sys/fs/cgroup").Select(h => Path.Combine(h, options.HostPrefix)).Where(Directory.Exists).Select(c => "cgroup " + c));
        foreach (var kind in new[] { "sandboxes", "containers", "runc" })
        {
            var directory = Path.Combine(options.StateRoot, kind);
            if (Directory.Exists(directory))
            {
                found.AddRange(Directory.EnumerateFileSystemEntries(directory).Select(e => "state " + e));
            }
        }
        return found;
    }

    // /proc/<pid>/stat: "pid (comm) S ..."; comm may hold spaces and parentheses, the state follows the last ')'.
    private static char State(string stat) => stat[stat.LastIndexOf(')') + 2];
}
