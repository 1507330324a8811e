using System.Globalization;

namespace Tandem.Bench.Node;

/// <summary>Processes read from /proc: descendants of a process, their command, cgroup and memory.</summary>
public static class ProcessTree
{
    public sealed record Entry(int Pid, int ParentPid, string Command, string Cgroup, double RssMiB);

    public static IReadOnlyList<Entry> All()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText($"{directory}/stat");
                var command = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var cgroup = File.ReadLines($"{directory}/cgroup").FirstOrDefault(l => l.Contains(":memory:", StringComparison.Ordinal) || l.StartsWith("0::", StringComparison.Ordinal)) ?? "";
                entries.Add(new Entry(pid, parent, command, cgroup[(cgroup.LastIndexOf(':') + 1)..], Memory(pid).Rss));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while it was read.
            }
        }
        return entries;
    }

    public static IReadOnlyList<Entry> Descendants(int root)
    {
        var all = All();
        var found = new List<Entry>();
        var parents = new HashSet<int> { root };
        bool grew;
        do
        {
            var next = all.Where(e => parents.Contains(e.ParentPid) && !parents.Contains(e.Pid)).ToList();
            found.AddRange(next);
            grew = next.Count > 0;
            parents.UnionWith(next.Select(e => e.Pid));
        }
        while (grew);
        return found;
    }

    /// <summary>VmRSS and VmHWM in MiB.</summary>
    public static (double Rss, double Peak) Memory(int pid)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line) / 1024;
            }
        }
        return (rss, peak);
    }

    /// <summary>The resident set split as /proc reports it: anonymous (heap, stacks, JIT code) and file-backed (mapped assemblies, libraries), in MiB.</summary>
    public static (double Anonymous, double File) RssSplit(int pid)
    {
        double anonymous = 0, file = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Kb(line) / 1024;
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Kb(line) / 1024;
            }
        }
        return (anonymous, file);
    }

    private static double Kb(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
