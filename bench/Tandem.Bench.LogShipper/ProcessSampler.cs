using System.Globalization;

namespace Tandem.Bench.LogShipper;

/// <summary>CPU time and memory of a process from /proc, as the Vector harness sampled with dstat.</summary>
public static class ProcessSampler
{
    private static readonly double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may contain spaces) start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Current and peak resident set size in MiB.</summary>
    public static (double Rss, double Peak) MemoryMiB(int pid)
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

    /// <summary>Private (not shared with other processes) resident memory in MiB: RSS minus the runtime's shared library pages.</summary>
    public static double PrivateMiB(int pid)
    {
        double kb = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
        {
            if (line.StartsWith("Private_", StringComparison.Ordinal))
            {
                kb += Kb(line);
            }
        }
        return kb / 1024;
    }

    private static double Kb(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
