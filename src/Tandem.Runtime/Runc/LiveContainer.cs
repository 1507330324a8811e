namespace Tandem.Runtime.Runc;

/// <summary>
/// What this process holds for a running container: its stdio (FIFOs, or a terminal's master), the log copier,
/// the attachers' feed and the exit watcher. Dropping it (detach) leaves the container running.
/// </summary>
internal sealed class LiveContainer
{
    private readonly CancellationTokenSource _detach = new();
    private readonly SemaphoreSlim _stdinGate = new(1, 1);
    private Stream? _stdin;

    public LiveContainer(CriLogWriter log, ProcessExitWatcher watcher, ContainerStdio? stdio, FileStream? terminal, bool terminalInput, bool adopted)
    {
        Log = log;
        Watcher = watcher;
        Stdio = stdio;
        Terminal = terminal;
        Adopted = adopted;
        _stdin = (Stream?)stdio?.Stdin ?? (terminalInput ? terminal : null);
        var pumps = stdio is not null
            ? Task.WhenAll(
                log.PumpAsync(stdio.Stdout, "stdout", d => Output.Publish(false, d.Span), _detach.Token),
                log.PumpAsync(stdio.Stderr, "stderr", d => Output.Publish(true, d.Span), _detach.Token))
            : terminal is not null ? PumpTerminalAsync(log, terminal) : Task.CompletedTask;
        LogPumps = pumps.ContinueWith(_ => Output.Complete(), TaskScheduler.Default);
    }

    public CriLogWriter Log { get; }

    public Task LogPumps { get; }

    public ProcessExitWatcher Watcher { get; }

    public ContainerStdio? Stdio { get; }

    /// <summary>A <c>tty: true</c> container's terminal master: its output, its input, its size.</summary>
    public FileStream? Terminal { get; }

    /// <summary>Started by an earlier process: this one is not its parent, so its exit code may be unreadable.</summary>
    public bool Adopted { get; }

    public OutputFanOut Output { get; } = new();

    /// <summary>This process let go of the container on purpose; its exit is not ours to record.</summary>
    public bool Detached => _detach.IsCancellationRequested;

    /// <summary>Completes once the exit is recorded (state, code, reason, message) and the container's runc state is gone.</summary>
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the container has a stdin to write to (created with <c>stdin: true</c>, not closed yet).</summary>
    public bool HasStdin => Volatile.Read(ref _stdin) is not null;

    /// <summary>Writes an attacher's bytes to the container's stdin; several attachers' writes interleave by chunk.</summary>
    public async Task<bool> WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _stdinGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stdin is not { } stdin)
            {
                return false;
            }
            await stdin.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _stdinGate.Release();
        }
    }

    /// <summary>stdinOnce: the first attach session's stdin ended, so the container's stdin is closed for good.</summary>
    public async Task CloseStdinAsync()
    {
        await _stdinGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Stdio?.Stdin is { } stdin && ReferenceEquals(_stdin, stdin))
            {
                _stdin = null;
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _stdinGate.Release();
        }
    }

    /// <summary>Stops reading (a line cut short is logged as partial), closes this process's ends; the container keeps running.</summary>
    public async Task DetachAsync()
    {
        await _detach.CancelAsync().ConfigureAwait(false);
        Terminal?.Dispose();
        try
        {
            // A terminal's read is a blocking one that closing may not end; the FIFOs' reads end at once.
            await LogPumps.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Given up on: the copy ends when the terminal hangs up.
        }
        Stdio?.Dispose();
        Watcher.Dispose();
        await Log.DisposeAsync().ConfigureAwait(false);
    }

    // A terminal carries stdout and stderr as one stream; the kubelet logs it as stdout. Reading ends with EIO once
    // every process holding the terminal's other side is gone.
    private async Task PumpTerminalAsync(CriLogWriter log, FileStream master)
    {
        await using (master.ConfigureAwait(false))
        {
            await log.PumpAsync(master, "stdout", d => Output.Publish(false, d.Span), _detach.Token).ConfigureAwait(false);
        }
    }
}
