using System.Diagnostics;
using Tandem.Runtime;
using Tandem.Server.Streaming;
using Tandem.Testing.Server;

namespace Tandem.Server.Tests.Streaming;

/// <summary>
/// An <see cref="IPodStreams"/> whose "containers" are this machine: exec runs real host processes (on a real pty
/// for tty sessions) and port-forward connects to 127.0.0.1. Pod <c>web</c> (container <c>main</c>) runs; the rest of
/// the pods this host knows are in <see cref="TestPods"/>.
/// </summary>
internal sealed class HostPodStreams : IPodStreams
{
    /// <summary>Every terminal size the sessions asked for, in order (what the resize channel delivered).</summary>
    public List<TerminalSize> Resizes { get; } = [];

    public PodStreamResolution Resolve(PodStreamRequest request)
    {
        if (TestPods.Find(request.Namespace, request.Pod) is not { } pod)
        {
            return PodStreamResolution.Failed(StreamStatus.NotFound("pods", request.Pod));
        }
        if (pod.Status?.Phase is "Succeeded" or "Failed" && request.Kind != PodStreamKind.PortForward)
        {
            return PodStreamResolution.Failed(StreamStatus.BadRequest($"cannot exec into a container in a completed pod; current phase is {pod.Status.Phase}"));
        }
        var container = request.Container ?? "main";
        if (request.Kind != PodStreamKind.PortForward && container != "main")
        {
            return PodStreamResolution.Failed(StreamStatus.BadRequest($"container {container} is not valid for pod {request.Pod}"));
        }
        return PodStreamResolution.Found(new PodStreamTarget(request.Namespace, request.Pod, container, "host", "host", PodUid: pod.Metadata?.Uid));
    }

    public async Task<int> ExecAsync(PodStreamTarget target, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken)
    {
        return io.Tty ? await ExecOnTerminalAsync(command, io, cancellationToken) : await HostProcesses.ExecWithPipesAsync(command, io, environment: null, cancellationToken);
    }

    public async Task AttachAsync(PodStreamTarget target, StreamingIo io, CancellationToken cancellationToken)
    {
        // The "main process" of the host container: echoes stdin back, as `cat` would as a container's command.
        await ExecAsync(target, ["cat"], io with { Stderr = null }, cancellationToken);
    }

    public Task<Stream> PortForwardAsync(PodStreamTarget target, int port, CancellationToken cancellationToken) =>
        HostProcesses.DialLoopbackAsync(port, cancellationToken);

    private async Task<int> ExecOnTerminalAsync(IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken)
    {
        using var pty = new Pty(24, 80);
        var resizing = Task.Run(async () =>
        {
            if (io.Resize is null)
            {
                return;
            }
            await foreach (var size in io.Resize.ReadAllAsync(CancellationToken.None))
            {
                pty.Resize(size.Height, size.Width);
                lock (Resizes)
                {
                    Resizes.Add(size);
                }
            }
        }, CancellationToken.None);
        using var process = pty.Start(command);
        using var kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var output = Task.Factory.StartNew(() => CopyTerminalOut(pty.Master, io.Stdout), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var input = Task.Run(async () =>
        {
            if (io.Stdin is not null)
            {
                try
                {
                    await io.Stdin.CopyToAsync(pty.Master, CancellationToken.None);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // The terminal went away with the process.
                }
            }
        }, CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        pty.CloseSlave();
        await output;
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    /// <summary>Blocking reads on a thread of their own, so parallel sessions do not starve the thread pool.</summary>
    private static void CopyTerminalOut(Stream terminal, Stream? target)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = terminal.Read(buffer)) > 0)
            {
                target?.WriteAsync(buffer.AsMemory(0, read)).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (IOException)
        {
            // EIO once the last process on the terminal has gone: its end of output.
        }
    }
}
