namespace Tandem.Runtime.Runc;

/// <summary>
/// Letting go of containers without stopping them (<see cref="DetachAsync"/>) and taking over the ones an earlier
/// process left (<see cref="RecoverAsync"/>): their FIFOs are read again into the same log file, their exits watched.
/// </summary>
public sealed partial class RuncContainerRuntime
{
    /// <summary>The kubelet's reason for a container whose status was lost.</summary>
    internal const string LostStatusReason = "ContainerStatusUnknown";

    internal const string LostExitMessage =
        "The container could not be located when the node process restarted: it exited while the node was down, and its exit code was lost";

    private volatile bool _detached;

    /// <summary>
    /// Takes over the running containers an earlier process of this state directory left (it was killed or
    /// detached): copies their output into their logs again from where it stopped, watches their exits, and serves
    /// attach and exec. A container that exited meanwhile is recorded exited with exit code 137 and reason
    /// <c>ContainerStatusUnknown</c>, its runc state removed. Containers this instance already runs are skipped.
    /// </summary>
    internal async Task<(int Running, int ExitedWhileDown)> RecoverAsync(CancellationToken cancellationToken)
    {
        var running = 0;
        var exited = 0;
        foreach (var record in _records.All().Where(r => r.State == ContainerState.Running && !_live.ContainsKey(r.Id)))
        {
            if (await AdoptAsync(record, cancellationToken).ConfigureAwait(false))
            {
                running++;
            }
            else
            {
                exited++;
            }
        }
        return (running, exited);
    }

    private async Task<bool> AdoptAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        var state = await _runc.StateAsync(record.Id, cancellationToken).ConfigureAwait(false);
        var watcher = state is { Status: "running" } && state.Value.Pid == record.Pid && !IsZombie(record.Pid)
            ? ProcessExitWatcher.Watch(record.Pid, _stopping.Token)
            : null;
        if (watcher is null)
        {
            await RecordLostAsync(record, cancellationToken).ConfigureAwait(false);
            return false;
        }
        ContainerStdio? stdio = null;
        try
        {
            // A terminal's master belonged to the earlier process and closed with it: nothing to read.
            stdio = record.Config.Tty ? null : ContainerStdio.Reopen(_layout.ContainerDirectory(record.Id), record.Config);
        }
        catch (IOException e)
        {
            Log.AdoptWithoutOutput(_logger, record.Config.Name, record.Id, e.Message);
        }
        var log = new CriLogWriter(record.Config.LogPath, _time, _layout.Options.ContainerLogMaxSizeBytes, _layout.Options.ContainerLogMaxFiles);
        var live = new LiveContainer(log, watcher, stdio, terminal: null, terminalInput: false, adopted: true);
        _live[record.Id] = live;
        Log.Adopted(_logger, record.Config.Name, record.Id, record.SandboxId, record.Pid);
        _ = RecordExitAsync(record, live);
        return true;
    }

    /// <summary>Exited while no process watched: the status is lost, as the kubelet reports it; runc's state and cgroup go.</summary>
    private async Task RecordLostAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        if (record.Pid > 0 && IsZombie(record.Pid))
        {
            // Still our child (detached in this same process): reap it so no zombie stays behind.
            var pidfd = LinuxNative.PidfdOpen(record.Pid);
            if (pidfd >= 0)
            {
                LinuxNative.ReapPidfd(pidfd);
                LinuxNative.close(pidfd);
            }
        }
        try
        {
            await _runc.DeleteAsync(record.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            Log.DeleteAfterExitFailed(_logger, record.Id, e.Message);
        }
        var finished = _time.GetUtcNow();
        _records.Update(record.Id, r => r with { State = ContainerState.Exited, FinishedAt = finished, ExitCode = 137, Reason = LostStatusReason, Message = LostExitMessage });
        Log.Exited(_logger, record.Config.Name, record.Id, 137, LostStatusReason);
        _events.Publish(new ContainerEvent(record.Id, record.SandboxId, ContainerState.Exited, finished));
    }

    /// <summary>
    /// Stops every reader, watcher and copier of this instance and leaves the containers running, with their
    /// FIFOs, mounts and cgroups; what they write meanwhile waits in their pipes for the next process.
    /// </summary>
    internal async Task DetachAsync()
    {
        _detached = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        var live = _live.Values.ToList();
        _live.Clear();
        await Task.WhenAll(live.Select(l => l.DetachAsync())).ConfigureAwait(false);
    }

    private void ThrowIfDetached()
    {
        if (_detached)
        {
            throw new RuntimeException(RuntimeErrorCode.Unavailable, "this runtime instance has detached from its containers; use a new one");
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
