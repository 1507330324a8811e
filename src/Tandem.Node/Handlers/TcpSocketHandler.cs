using System.Net;
using System.Net.Sockets;
using Tandem.Runtime.Networking;

namespace Tandem.Node.Handlers;

/// <summary>A tcpSocket probe: an accepted connection is success (pkg/probe/tcp).</summary>
internal static class TcpSocketHandler
{
    public static async Task<HandlerOutcome> RunAsync(string host, int port, HandlerTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(host, out var address))
        {
            return HandlerOutcome.Error($"host {host} is not an IP address; Tandem probes inside the pod's network, where names do not resolve");
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var socket = await NetworkNamespaceSockets.ConnectAsync(target.NetworkNamespacePath, new IPEndPoint(address, port), deadline.Token).ConfigureAwait(false);
            return HandlerOutcome.Success();
        }
        catch (SocketException ex)
        {
            return HandlerOutcome.Failure($"dial tcp {host}:{port}: connect: {ex.Message.ToLowerInvariant()}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HandlerOutcome.Failure($"dial tcp {host}:{port}: i/o timeout");
        }
        catch (IOException ex)
        {
            return HandlerOutcome.Error(ex.Message);
        }
    }
}
