using System.Collections.Concurrent;
using System.Globalization;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Reaps container processes that became our children without a watcher: as child subreaper we
/// inherit every orphan of a container (a process an exec left behind, a child whose parent died),
/// and a zombie in a container's PID namespace keeps that namespace's init from finishing its exit
/// (the kernel waits for every process of the namespace to be reaped). Only zombies in another PID
/// namespace than ours are touched: this process's own tools (runc, skopeo) are in ours, and the
/// inits that watchers wait for are excluded by pid.
/// </summary>
internal static class OrphanReaper
{
    private static readonly ConcurrentDictionary<int, byte> Watched = new();
    private static readonly long MinInterval = System.Diagnostics.Stopwatch.Frequency / 2;
    private static long _lastScan;
    private static readonly Lock ScanGate = new();
    private static int _holds;

    public static void Watch(int pid) => Watched[pid] = 0;

    public static void Unwatch(int pid) => Watched.TryRemove(pid, out _);

    /// <summary>Suspends reaping until disposed: a container just started is our child before its pid is known and watched.</summary>
    public static IDisposable HoldOff()
    {
        Interlocked.Increment(ref _holds);
        // A scan that began before the hold may still be walking /proc and would reap a process that
        // exits right after its runc (a quick exec), losing its exit code: wait for that scan to end.
        lock (ScanGate)
        {
        }
        return new Hold();
    }

    /// <summary>Scans at most twice a second however many watchers ask (each scan reads every /proc/N/status).</summary>
    public static void ReapOrphansThrottled()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastScan);
        if (now - last >= MinInterval && Interlocked.CompareExchange(ref _lastScan, now, last) == last)
        {
            ReapOrphans();
        }
    }

    public static void ReapOrphans()
    {
        lock (ScanGate)
        {
            if (Volatile.Read(ref _holds) > 0)
            {
                // A start is between runc's exit and its watcher; the next scan catches up.
                return;
            }
            ReapOrphanedZombies();
        }
    }

    private static void ReapOrphanedZombies()
    {
        var self = LinuxNative.getpid().ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (!int.TryParse(name, CultureInfo.InvariantCulture, out var pid) || Watched.ContainsKey(pid))
            {
                continue;
            }
            string[] status;
            try
            {
                status = File.ReadAllLines(Path.Combine(directory, "status"));
            }
            catch (IOException)
            {
                continue;
            }
            var zombie = status.Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
            var ours = status.Any(l => l.StartsWith("PPid:", StringComparison.Ordinal) && l[5..].Trim() == self);
            var nested = status.FirstOrDefault(l => l.StartsWith("NSpid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries).Length > 2;
            if (zombie && ours && nested)
            {
                var pidfd = LinuxNative.PidfdOpen(pid);
                if (pidfd >= 0)
                {
                    LinuxNative.ReapPidfd(pidfd);
                    LinuxNative.close(pidfd);
                }
            }
        }
    }

    private sealed class Hold : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref _holds);
            }
        }
    }
}
