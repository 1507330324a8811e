using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Tandem.Runtime.Runc;

/// <summary>
/// <c>hostPort</c>s: a listener on the host per TCP mapping whose connections are relayed to the
/// container port inside the sandbox's network namespace. The inner socket is created on a
/// short-lived thread that entered the namespace (a socket belongs to the namespace it was created
/// in), so no veth, bridge or iptables rule is needed and nothing is left in the host's network
/// configuration. Without a hostIP the port is published on 127.0.0.1 only: a developer's
/// machine should not expose pods to its network unless asked.
/// </summary>
internal sealed partial class HostPortForwarder : IAsyncDisposable
{
    private const int CloneNewNet = 0x40000000;

    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _netnsPath;

    private HostPortForwarder(string netnsName) => _netnsPath = $"/run/netns/{netnsName}";

    public static HostPortForwarder Start(string netnsName, IReadOnlyList<PortMapping> mappings)
    {
        var forwarder = new HostPortForwarder(netnsName);
        try
        {
            foreach (var mapping in mappings.Where(m => m.HostPort > 0 && string.Equals(m.Protocol, "TCP", StringComparison.OrdinalIgnoreCase)))
            {
                var address = string.IsNullOrEmpty(mapping.HostIp) ? IPAddress.Loopback : IPAddress.Parse(mapping.HostIp);
                var listener = new TcpListener(address, mapping.HostPort);
                listener.Start();
                forwarder._listeners.Add(listener);
                _ = forwarder.AcceptLoopAsync(listener, mapping.ContainerPort);
            }
        }
        catch (SocketException e)
        {
            forwarder.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"cannot publish a hostPort: {e.Message}; choose a free hostPort", e);
        }
        return forwarder;
    }

    private async Task AcceptLoopAsync(TcpListener listener, int containerPort)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client, containerPort);
        }
    }

    private async Task RelayAsync(Socket client, int containerPort)
    {
        using (client)
        {
            using var inner = CreateSocketInNamespace();
            try
            {
                await inner.ConnectAsync(new IPEndPoint(IPAddress.Loopback, containerPort), _stopping.Token).ConfigureAwait(false);
                using var outward = new NetworkStream(client, ownsSocket: false);
                using var inward = new NetworkStream(inner, ownsSocket: false);
                var up = CopyThenShutdownAsync(outward, inward, inner);
                var down = CopyThenShutdownAsync(inward, outward, client);
                await Task.WhenAll(up, down).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                // The container refused or went away: the client sees the connection close, as with a real hostPort.
            }
        }
    }

    private async Task CopyThenShutdownAsync(Stream from, Stream to, Socket target)
    {
        await from.CopyToAsync(to, _stopping.Token).ConfigureAwait(false);
        target.Shutdown(SocketShutdown.Send);
    }

    private Socket CreateSocketInNamespace()
    {
        Socket? socket = null;
        Exception? failure = null;
        // setns changes only the calling thread, which ends right after: the process stays in the host namespace.
        var thread = new Thread(() =>
        {
            try
            {
                using var ns = File.OpenHandle(_netnsPath);
                if (setns(ns.DangerousGetHandle().ToInt32(), CloneNewNet) != 0)
                {
                    throw new IOException($"cannot enter {_netnsPath}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                }
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return socket ?? throw new IOException("cannot create a socket in the pod's network namespace", failure);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);
}
