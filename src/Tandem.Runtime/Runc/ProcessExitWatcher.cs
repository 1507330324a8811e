namespace Tandem.Runtime.Runc;

/// <summary>
/// Waits for a container's init process to exit through a pidfd (no /proc polling, no pid reuse
/// race) and reaps it: the driver is a child subreaper, so the init that <c>runc create</c> left
/// behind is re-parented to this process and its exit status is ours to read. A process that is
/// not our child (adopted after a restart) still signals its exit, without a status.
/// </summary>
internal sealed class ProcessExitWatcher : IDisposable
{
    private readonly int _pidfd;

    private ProcessExitWatcher(int pidfd, Task<int?> exited)
    {
        _pidfd = pidfd;
        Exited = exited;
    }

    /// <summary>Completes with the exit code (128+signal when killed), or null when it could not be read.</summary>
    public Task<int?> Exited { get; }

    /// <summary>Opens a pidfd for <paramref name="pid"/>; null when the process is already gone.</summary>
    public static ProcessExitWatcher? Watch(int pid, CancellationToken stopping)
    {
        var pidfd = LinuxNative.PidfdOpen(pid);
        if (pidfd < 0)
        {
            return null;
        }
        OrphanReaper.Watch(pid);
        var exited = Task.Factory.StartNew(() =>
        {
            // One blocking poll per container on a dedicated thread; the timeout only lets disposal stop it.
            while (!LinuxNative.PollReadable(pidfd, 500))
            {
                if (stopping.IsCancellationRequested)
                {
                    OrphanReaper.Unwatch(pid);
                    return (int?)null;
                }
                // Still running after half a second: an orphaned zombie may be holding its PID namespace open.
                OrphanReaper.ReapOrphansThrottled();
            }
            var code = LinuxNative.ReapPidfd(pidfd);
            OrphanReaper.Unwatch(pid);
            return code;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new ProcessExitWatcher(pidfd, exited);
    }

    /// <summary>
    /// Kills a process this instance did not start (one an earlier, killed instance left) and waits
    /// for it: the pidfd is opened before the kill so the pid cannot be recycled meanwhile, and if the
    /// process was re-parented to us (we are the nearest subreaper) it is reaped, never left a zombie.
    /// </summary>
    public static async Task KillAdoptedAsync(int pid, Func<Task> kill, CancellationToken cancellationToken)
    {
        var pidfd = pid > 0 ? LinuxNative.PidfdOpen(pid) : -1;
        await kill().ConfigureAwait(false);
        if (pidfd < 0)
        {
            return;
        }
        try
        {
            await Task.Factory.StartNew(() =>
            {
                // Bounded: SIGKILL has been sent; a process that outlives 10 s is stuck in the kernel, not ours to wait for.
                for (var i = 0; i < 20 && !cancellationToken.IsCancellationRequested; i++)
                {
                    if (LinuxNative.PollReadable(pidfd, 500))
                    {
                        LinuxNative.ReapPidfd(pidfd);
                        return;
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            LinuxNative.close(pidfd);
        }
    }

    /// <summary>Sends a signal through the pidfd, so a recycled pid can never receive it.</summary>
    public bool Signal(int signal) => LinuxNative.PidfdSendSignal(_pidfd, signal) == 0;

    public void Dispose()
    {
        _ = Exited.ContinueWith(_ => LinuxNative.close(_pidfd), TaskScheduler.Default);
    }
}
