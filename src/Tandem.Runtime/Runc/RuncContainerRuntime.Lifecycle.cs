using System.Globalization;

namespace Tandem.Runtime.Runc;

/// <summary>Start, exit, stop and exec: the parts of a container's life that involve its processes.</summary>
public sealed partial class RuncContainerRuntime
{
    private static readonly TimeSpan LogDrainTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long runc exec may take to start the command before the command's own timeout begins.</summary>
    private static readonly TimeSpan ExecSetupAllowance = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ExecStartPoll = TimeSpan.FromMilliseconds(10);

    public async Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ThrowIfDetached();
        var record = _records.Require(containerId);
        if (record.State != ContainerState.Created)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"container \"{record.Config.Name}\" ({containerId}) is {record.State.ToString().ToLowerInvariant()}, not created; create a new one to run it again");
        }
        var bundle = _layout.ContainerDirectory(containerId);
        var pidFile = Path.Combine(bundle, "init.pid");
        int pid;
        ProcessExitWatcher watcher;
        // tty: true gets a terminal whose master runc sends here; its output is the container's log.
        using var console = record.Config.Tty ? ConsoleSocket.Listen(Path.Combine(bundle, "console.sock")) : null;
        using var consoleWait = new CancellationTokenSource();
        var terminal = console?.ReceiveMasterAsync(consoleWait.Token);
        // Without a terminal the container's stdio are FIFOs that outlive this process (ContainerStdio).
        var stdio = record.Config.Tty ? null : ContainerStdio.Create(bundle, record.Config);
        try
        {
            using var runc = _runc.Run(containerId, bundle, pidFile, console?.Path, record.Config.Tty ? null : ContainerStdio.Redirections(record.Config));
            // A container that exits at once is a zombie child of ours from the moment runc exits: the orphan
            // reaper must leave it until its watcher takes it, or its exit status would be lost.
            using (OrphanReaper.HoldOff())
            {
                // A tty container's stdin is its terminal; runc's own stdin is not passed on.
                runc.StandardInput.Close();
                var exit = await runc.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                stdio?.ReleaseKeepers();
                if (exit != 0)
                {
                    // Before runc runs, the shell opening the FIFOs may fail; its complaint is on its own stderr.
                    var shell = (await new StreamReader(runc.StandardError).ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
                    var error = RuncCli.LastError(bundle, shell.Length > 0 ? shell : "runc run failed");
                    await consoleWait.CancelAsync().ConfigureAwait(false);
                    await FailStartAsync(record, error, cancellationToken).ConfigureAwait(false);
                }
                pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
                watcher = ProcessExitWatcher.Watch(pid, _stopping.Token)
                    ?? throw new RuntimeException(RuntimeErrorCode.Internal, $"container \"{record.Config.Name}\" ({containerId}) died before it started");
            }
        }
        catch
        {
            stdio?.Dispose();
            throw;
        }
        var master = terminal is null ? null : await terminal.WaitAsync(cancellationToken).ConfigureAwait(false);
        var log = new CriLogWriter(record.Config.LogPath, _time, _layout.Options.ContainerLogMaxSizeBytes, _layout.Options.ContainerLogMaxFiles);
        var live = new LiveContainer(log, watcher, stdio, master, terminalInput: record.Config.Stdin, adopted: false);
        _live[containerId] = live;
        var started = _time.GetUtcNow();
        _records.Update(containerId, r => r with { State = ContainerState.Running, StartedAt = started, Pid = pid });
        _events.Publish(new ContainerEvent(containerId, record.SandboxId, ContainerState.Running, started));
        Log.Started(_logger, record.Config.Name, containerId, record.SandboxId, pid);
        _ = RecordExitAsync(record, live);
    }

    /// <summary>
    /// The container exited: drain its log, read the OOM kill count and termination message while
    /// its cgroup and files still exist, let runc remove its state and cgroup, then publish.
    /// </summary>
    private async Task RecordExitAsync(ContainerRecord record, LiveContainer live)
    {
        var exitCode = await live.Watcher.Exited.ConfigureAwait(false);
        if (live.Detached)
        {
            // This process let go of the container (DetachAsync): whoever adopts it records its exit.
            return;
        }
        // A child left in a shared PID namespace may still hold the pipes; runc delete below kills it.
        var drained = await DrainAsync(live, LogDrainTimeout).ConfigureAwait(false);
        var oomKills = Cgroups.OomKills(record.CgroupPath);
        var message = ReadTerminationMessage(record.Id);
        try
        {
            await _runc.DeleteAsync(record.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            // Removal tries again; the exit itself is still recorded.
            Log.DeleteAfterExitFailed(_logger, record.Id, e.Message);
        }
        if (!drained)
        {
            // Everything of the container is dead now, so the pipes close; the log is complete before the exit is published.
            await DrainAsync(live, LogDrainTimeout * 5).ConfigureAwait(false);
        }
        var finished = _time.GetUtcNow();
        var code = exitCode ?? 137;
        // An adopted container is not our child, so its exit status is the old parent's (or init's) to read.
        var reason = exitCode is null && live.Adopted ? LostStatusReason : oomKills > 0 ? "OOMKilled" : code == 0 ? "Completed" : "Error";
        message = exitCode is null && live.Adopted ? LostExitMessage : message;
        _records.Update(record.Id, r => r with
        {
            State = ContainerState.Exited,
            FinishedAt = finished,
            ExitCode = code,
            Reason = reason,
            Message = message,
        });
        Log.Exited(_logger, record.Config.Name, record.Id, code, reason);
        live.Watcher.Dispose();
        live.Stdio?.Dispose();
        await live.Log.DisposeAsync().ConfigureAwait(false);
        _events.Publish(new ContainerEvent(record.Id, record.SandboxId, ContainerState.Exited, finished));
        live.Finished.TrySetResult();
    }

    private async Task<bool> DrainAsync(LiveContainer live, TimeSpan timeout)
    {
        try
        {
            await live.LogPumps.WaitAsync(timeout, _time).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async Task StopContainerAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var record = Refresh(_records.Require(containerId));
        if (record.State != ContainerState.Running)
        {
            if (record.State == ContainerState.Created)
            {
                _records.Update(containerId, r => r with { State = ContainerState.Exited, FinishedAt = _time.GetUtcNow(), ExitCode = 0, Reason = "Completed" });
            }
            return;
        }
        if (!_live.TryGetValue(containerId, out var live))
        {
            // Left by an earlier process: no pipes, no exit status; runc kills what is left.
            await ProcessExitWatcher.KillAdoptedAsync(record.Pid, () => _runc.DeleteAsync(containerId, cancellationToken), cancellationToken).ConfigureAwait(false);
            _records.Update(containerId, r => r with { State = ContainerState.Exited, FinishedAt = _time.GetUtcNow(), ExitCode = 137, Reason = LostStatusReason, Message = LostExitMessage });
            return;
        }
        if (timeout > TimeSpan.Zero)
        {
            live.Watcher.Signal(Signals.Parse(record.StopSignal));
            try
            {
                await live.Finished.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                // The grace period is over: SIGKILL below, as the kubelet does.
            }
        }
        await _runc.KillAllAsync(containerId, "KILL", cancellationToken).ConfigureAwait(false);
        live.Watcher.Signal(Signals.Kill);
        await live.Finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecResult> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var record = Refresh(_records.Require(containerId));
        if (record.State != ContainerState.Running)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"container \"{record.Config.Name}\" ({containerId}) is not running; exec needs a running container");
        }
        var pidFile = Path.Combine(_layout.ContainerDirectory(containerId), $"exec-{Guid.NewGuid():N}.pid");
        using var deadline = new CancellationTokenSource(ExecSetupAllowance + timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        // As containerd does, the timeout counts from when the command runs in the container, not from when runc
        // began setting it up: on a loaded machine runc exec alone can take longer than a 1 s probe timeout.
        _ = StartDeadlineWhenRunningAsync(pidFile, deadline, timeout, linked.Token);
        try
        {
            var result = await _runc.ExecAsync(containerId, pidFile, command, linked.Token).ConfigureAwait(false);
            return new ExecResult(result.ExitCode, result.Stdout, result.Stderr, TimedOut: false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // runc exec was killed with its process tree; the pid file names the process in the container too.
            KillPidFile(pidFile);
            OrphanReaper.ReapOrphans();
            Log.ExecTimedOut(_logger, containerId, timeout);
            return new ExecResult(-1, "", $"command timed out after {timeout.TotalSeconds:0.###}s", TimedOut: true);
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    private async Task StartDeadlineWhenRunningAsync(string pidFile, CancellationTokenSource deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var waited = TimeSpan.Zero;
            while (!File.Exists(pidFile) && waited < ExecSetupAllowance)
            {
                await Task.Delay(ExecStartPoll, _time, cancellationToken).ConfigureAwait(false);
                waited += ExecStartPoll;
            }
            deadline.CancelAfter(timeout);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The exec ended first.
        }
    }

    /// <summary>A record that says running but has no live process here was left by an earlier process: ask runc what became of it.</summary>
    private ContainerRecord Refresh(ContainerRecord record)
    {
        if (record.State != ContainerState.Running || _live.ContainsKey(record.Id))
        {
            return record;
        }
        var alive = record.Pid > 0 && File.Exists($"/proc/{record.Pid}/stat") && _runc.StateAsync(record.Id, CancellationToken.None).GetAwaiter().GetResult() is { Status: "running" };
        return alive
            ? record
            : _records.Update(record.Id, r => r with { State = ContainerState.Exited, FinishedAt = _time.GetUtcNow(), ExitCode = 137, Reason = LostStatusReason, Message = LostExitMessage }) ?? record;
    }

    private async Task FailStartAsync(ContainerRecord record, string error, CancellationToken cancellationToken)
    {
        _live.TryRemove(record.Id, out _);
        await _runc.DeleteAsync(record.Id, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        _records.Update(record.Id, r => r with { State = ContainerState.Exited, FinishedAt = now, ExitCode = 128, Reason = "StartError", Message = error });
        _events.Publish(new ContainerEvent(record.Id, record.SandboxId, ContainerState.Exited, now));
        Log.StartFailed(_logger, record.Config.Name, record.Id, error);
        throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"container \"{record.Config.Name}\" could not start: {error}");
    }

    private string? ReadTerminationMessage(string id)
    {
        var file = Path.Combine(_layout.ContainerDirectory(id), "termination-log");
        if (!File.Exists(file))
        {
            return null;
        }
        // The kubelet reads at most 4096 bytes of a termination message.
        using var stream = File.OpenRead(file);
        var buffer = new byte[4096];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return n == 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, n);
    }

    private static void KillPidFile(string pidFile)
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            var pidfd = LinuxNative.PidfdOpen(pid);
            if (pidfd >= 0)
            {
                LinuxNative.PidfdSendSignal(pidfd, Signals.Kill);
                LinuxNative.close(pidfd);
            }
        }
    }
}
