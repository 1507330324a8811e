using System.Net;
using System.Net.Sockets;
using Tandem.Runtime.Networking;

namespace Tandem.Runtime.Runc;

/// <summary>
/// <c>hostPort</c>s: a listener on the host per TCP mapping whose connections are relayed to the
/// container port inside the sandbox's network namespace. The inner socket is created on a
/// short-lived thread that entered the namespace (a socket belongs to the namespace it was created
/// in), so no veth, bridge or iptables rule is needed and nothing is left in the host's network
/// configuration. Without a hostIP the port is published on 127.0.0.1 only: a developer's
/// machine should not expose pods to its network unless asked.
/// </summary>
internal sealed class HostPortForwarder : IAsyncDisposable
{
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
            using var inner = NetworkNamespaceSockets.CreateTcp(_netnsPath);
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

}
