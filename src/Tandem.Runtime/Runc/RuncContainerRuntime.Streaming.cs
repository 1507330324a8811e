using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Tandem.Runtime.Networking;

namespace Tandem.Runtime.Runc;

/// <summary>The CRI's streaming calls with the caller's streams: exec, attach, port-forward.</summary>
public sealed partial class RuncContainerRuntime : IStreamingRuntime
{
    public async Task<int> ExecAsync(string containerId, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken)
    {
        ThrowIfDetached();
        var record = RequireRunning(containerId, "exec");
        if (command.Count == 0)
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, "exec needs a command");
        }
        var bundle = _layout.ContainerDirectory(containerId);
        CheckExecutable(record, bundle, command[0]);
        return await new InteractiveExec(_runc, containerId, bundle).RunAsync(command, io, cancellationToken).ConfigureAwait(false);
    }

    public async Task AttachAsync(string containerId, StreamingIo io, CancellationToken cancellationToken)
    {
        ThrowIfDetached();
        var record = RequireRunning(containerId, "attach");
        if (!_live.TryGetValue(containerId, out var live))
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"container \"{record.Config.Name}\" ({containerId}) has no output this process can follow");
        }
        var output = live.Output.Subscribe();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (live.Terminal is { } master && io.Resize is { } sizes)
            {
                _ = InteractiveExec.ResizeAsync(sizes, master, session.Token);
            }
            // A container created without stdin: true has none; the client's input is not read (as containerd does).
            if (io.Stdin is { } stdin && record.Config.Stdin)
            {
                _ = CopyToContainerStdinAsync(stdin, live, record.Config.StdinOnce && !record.Config.Tty, session.Token);
            }
            await foreach (var chunk in output.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // With a terminal everything is stdout; otherwise each stream goes where the client asked for it.
                var target = chunk.Stderr ? io.Stderr : io.Stdout;
                if (target is not null)
                {
                    await target.WriteAsync(chunk.Data, cancellationToken).ConfigureAwait(false);
                    await target.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            live.Output.Unsubscribe(output);
            await session.CancelAsync().ConfigureAwait(false);
        }
    }

    public async Task<Stream> PortForwardAsync(string sandboxId, int port, CancellationToken cancellationToken)
    {
        ThrowIfDetached();
        var sandbox = _sandboxes.Get(sandboxId) ?? throw new RuntimeException(RuntimeErrorCode.NotFound, $"sandbox {sandboxId} does not exist on this node");
        var netns = $"/run/netns/{sandbox.NetnsName}";
        if (!sandbox.Ready || !File.Exists(netns))
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"sandbox {sandboxId} of pod {sandbox.Config.Namespace}/{sandbox.Config.Name} is not ready");
        }
        if (port is < 1 or > 65535)
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"invalid port {port}");
        }
        var errors = new List<string>();
        // As containerd's port-forward: localhost over IPv4 first, then IPv6 for servers that listen on ::1 only.
        foreach (var (address, name) in new[] { (IPAddress.Loopback, "tcp4 127.0.0.1"), (IPAddress.IPv6Loopback, "tcp6 [::1]") })
        {
            try
            {
                var socket = await NetworkNamespaceSockets.ConnectAsync(netns, new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                var reason = e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : e.Message;
                errors.Add($"dial {name}:{port}: connect: {reason}");
            }
            catch (IOException e)
            {
                throw new RuntimeException(RuntimeErrorCode.Internal, $"failed to connect to localhost:{port} inside namespace \"{sandboxId}\": {e.Message}", e);
            }
        }
        throw new RuntimeException(RuntimeErrorCode.Unavailable,
            $"failed to connect to localhost:{port} inside namespace \"{sandboxId}\", IPv4: {errors[0]} IPv6 {errors[1]}");
    }

    private ContainerRecord RequireRunning(string containerId, string what)
    {
        var record = Refresh(_records.Require(containerId));
        return record.State == ContainerState.Running
            ? record
            : throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"container \"{record.Config.Name}\" ({containerId}) is not running; {what} needs a running container");
    }

    /// <summary>The command is looked up where the container would find it before anything runs (CRI-O and containerd report this as an error, not an exit code).</summary>
    private static void CheckExecutable(ContainerRecord record, string bundle, string executable)
    {
        var process = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle, "config.json")))?["process"];
        var env = process?["env"]?.AsArray().Select(e => e?.GetValue<string>() ?? "").ToList() ?? [];
        var cwd = process?["cwd"]?.GetValue<string>() ?? "/";
        var rootfs = Path.Combine(bundle, "rootfs");
        if (ExecutableLookup.Problem(executable, env, cwd, rootfs, record.Config.Mounts, requireExecutable: true) is { } problem)
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"OCI runtime exec failed: exec failed: unable to start container process: {problem}: unknown");
        }
    }

    /// <summary>An attacher's input to the container's stdin; with stdinOnce its end closes the container's stdin for good.</summary>
    private static async Task CopyToContainerStdinAsync(Stream from, LiveContainer live, bool closeAtEnd, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (!await live.WriteStdinAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The container exited or the client detached.
        }
        // Kubernetes: with stdinOnce the first attach session's end, however it ends, closes the container's stdin.
        if (closeAtEnd)
        {
            await live.CloseStdinAsync().ConfigureAwait(false);
        }
    }
}
