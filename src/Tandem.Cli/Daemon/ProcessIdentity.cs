using System.Globalization;
using System.Runtime.InteropServices;

namespace Tandem.Cli.Daemon;

/// <summary>A process as the kernel knows it: alive or not, and its start time (field 22 of <c>/proc/&lt;pid&gt;/stat</c>), which tells a recycled pid apart.</summary>
internal static partial class ProcessIdentity
{
    /// <summary>The process's start time in clock ticks since boot, or null when there is no such (live) process.</summary>
    public static long? StartTicks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields[0] == "Z")
        {
            return null;
        }
        return long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    public static bool IsAlive(int pid, long startTicks) => StartTicks(pid) == startTicks;

    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != 3)
        {
            throw new InvalidOperationException($"cannot signal the daemon (pid {pid}): {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
