using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Runc;

/// <summary>What this process holds for a running container: its runc pipes, the log copier and the exit watcher.</summary>
internal sealed class LiveContainer(IStartedProcess runc, CriLogWriter log, Task logPumps, ProcessExitWatcher watcher)
{
    public IStartedProcess Runc { get; } = runc;

    public CriLogWriter Log { get; } = log;

    public Task LogPumps { get; } = logPumps;

    public ProcessExitWatcher Watcher { get; } = watcher;

    /// <summary>Completes once the exit is recorded (state, code, reason, message) and the container's runc state is gone.</summary>
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
