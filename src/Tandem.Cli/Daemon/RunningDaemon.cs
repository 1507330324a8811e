namespace Tandem.Cli.Daemon;

/// <summary>Finds the daemon of a state directory: its record, if the process it names still runs (a record left by a killed daemon is stale).</summary>
public static class RunningDaemon
{
    public static DaemonRecord? Find(DaemonLayout layout) =>
        DaemonRecord.Read(layout.RecordFile) is { } record && ProcessIdentity.IsAlive(record.Pid, record.ProcessStartTicks) ? record : null;

    /// <summary>Waits until the process of <paramref name="record"/> is gone; false when <paramref name="timeout"/> passed first.</summary>
    public static async Task<bool> WaitForExitAsync(DaemonRecord record, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (ProcessIdentity.IsAlive(record.Pid, record.ProcessStartTicks))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
