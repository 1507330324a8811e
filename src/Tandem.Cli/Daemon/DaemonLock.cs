namespace Tandem.Cli.Daemon;

/// <summary>
/// One daemon per state directory: an exclusive flock on <c>&lt;state&gt;/daemon.lock</c>, taken before the runtime
/// recovers anything, held for the daemon's life and dropped by the kernel however the process ends.
/// </summary>
internal static class DaemonLock
{
    public static FileStream Acquire(DaemonLayout layout)
    {
        var path = Path.Combine(layout.StateDirectory, "daemon.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = DaemonRecord.Read(layout.RecordFile)?.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            throw new InvalidOperationException($"tandem is already running for {layout.StateDirectory} (pid {owner}); stop it with tandem down, or use another --state-dir");
        }
    }
}
