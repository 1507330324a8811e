using System.Globalization;
using System.Threading.Channels;

namespace Tandem.Runtime.Runc;

/// <summary>
/// One <c>kubectl exec</c>: <c>runc exec --detach</c> sets the process up in the container (its user, env and
/// working directory are the container's, from the bundle's process spec) and exits, leaving the process to this
/// process, the child subreaper, so its exit code is read through a pidfd. Its stdio are runc's pipes, or with a
/// terminal, the pty whose master runc sends over a console socket. Setup failures are runc's, reported as errors,
/// never confused with the command's own exit code.
/// </summary>
internal sealed class InteractiveExec(RuncCli runc, string containerId, string bundle)
{
    /// <summary>How long output may keep flowing after the process exited (a background child holding its stdout).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    public async Task<int> RunAsync(IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken)
    {
        var name = Guid.NewGuid().ToString("N")[..8];
        var pidFile = Path.Combine(bundle, $"exec-{name}.pid");
        var logFile = Path.Combine(bundle, $"exec-{name}.log");
        // Short: a Unix socket path has at most 107 bytes.
        using var console = io.Tty ? ConsoleSocket.Listen(Path.Combine(bundle, $"x{name}.sock")) : null;
        using var consoleWait = new CancellationTokenSource();
        var terminal = console?.ReceiveMasterAsync(consoleWait.Token);
        using var process = runc.ExecDetached(containerId, pidFile, logFile, console?.Path, command);
        FileStream? master = null;
        try
        {
            ProcessExitWatcher watcher;
            using (OrphanReaper.HoldOff())
            {
                int setup;
                try
                {
                    setup = await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill();
                    KillPidFile(pidFile);
                    throw;
                }
                if (setup != 0)
                {
                    await consoleWait.CancelAsync().ConfigureAwait(false);
                    throw new RuntimeException(RuntimeErrorCode.Internal, $"OCI runtime exec failed: {RuncCli.LastErrorIn(logFile, "runc exec failed")}: unknown");
                }
                var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
                watcher = ProcessExitWatcher.Watch(pid, CancellationToken.None)
                    ?? throw new RuntimeException(RuntimeErrorCode.Internal, $"the exec'd process {pid} vanished before it could be watched");
            }
            using (watcher)
            {
                master = terminal is null ? null : await terminal.WaitAsync(cancellationToken).ConfigureAwait(false);
                return await RunSessionAsync(process, master, watcher, io, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (master is not null)
            {
                await master.DisposeAsync().ConfigureAwait(false);
            }
            File.Delete(pidFile);
            File.Delete(logFile);
        }
    }

    private static async Task<int> RunSessionAsync(Processes.IStartedProcess process, FileStream? master, ProcessExitWatcher watcher, StreamingIo io, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (master is not null && io.Resize is { } sizes)
        {
            // Sizes that came before the terminal existed apply before any input reaches it.
            while (sizes.TryRead(out var size))
            {
                LinuxNative.SetTerminalSize(master.SafeFileHandle, size.Width, size.Height);
            }
            _ = ResizeAsync(sizes, master, session.Token);
        }
        var input = master ?? process.StandardInput;
        if (io.Stdin is { } stdin)
        {
            _ = CopyInAsync(stdin, input, closeAtEnd: master is null, session.Token);
        }
        else if (master is null)
        {
            process.StandardInput.Close();
        }
        var output = Task.WhenAll(CopyOutAsync(master ?? process.StandardOutput, io.Stdout), master is null ? CopyOutAsync(process.StandardError, io.Stderr) : Task.CompletedTask);
        int? code;
        try
        {
            code = await watcher.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            watcher.Signal(Signals.Kill);
            await session.CancelAsync().ConfigureAwait(false);
            throw;
        }
        try
        {
            await output.WaitAsync(DrainTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Something the command started still holds its output; the command itself is done.
        }
        await session.CancelAsync().ConfigureAwait(false);
        return code ?? 137;
    }

    /// <summary>Applies each size the client sends to the terminal until the session ends.</summary>
    public static async Task ResizeAsync(ChannelReader<TerminalSize> sizes, FileStream master, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var size in sizes.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                LinuxNative.SetTerminalSize(master.SafeFileHandle, size.Width, size.Height);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The session ended.
        }
    }

    /// <summary>The client's input to the process; its end closes the process's stdin (without a terminal).</summary>
    private static async Task CopyInAsync(Stream from, Stream to, bool closeAtEnd, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The process exited (broken pipe) or the session ended.
        }
        if (closeAtEnd)
        {
            try
            {
                await to.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Copies until the process's side closes; without a client stream the output is read and dropped, so the process never blocks.</summary>
    private static async Task CopyOutAsync(Stream from, Stream? to)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (to is not null)
                {
                    try
                    {
                        await to.WriteAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
                        await to.FlushAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
                    {
                        // The client went away: keep reading so the process never blocks on a full pipe.
                        to = null;
                    }
                }
            }
        }
        catch (IOException)
        {
            // A terminal's master reads EIO once its last process is gone: that is its end.
        }
        catch (ObjectDisposedException)
        {
            // The session was torn down.
        }
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
