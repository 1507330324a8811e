using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tandem.Cli.PortForward;

/// <summary>
/// Forwards local TCP connections to ports of a pod over one SPDY session, as kubectl's port-forward does
/// (spec §12.3): for each connection an <c>error</c> and a <c>data</c> stream paired by <c>requestid</c>; the error
/// stream is half-closed at once; bytes are copied both ways with half-closes passed on. Any message on an error
/// stream ends the whole session, as it does for kubectl.
/// </summary>
internal sealed class PortForwarder(SpdyClientSession session, TextWriter output, TextWriter error)
{
    private readonly CancellationTokenSource _failed = new();
    private int _nextRequest = -1;

    /// <summary>Listens on every address for every mapping until cancelled or the session ends; returns the bound local ports.</summary>
    public async Task RunAsync(IReadOnlyList<IPAddress> addresses, IReadOnlyList<PortMapping> mappings, Action<IReadOnlyList<int>>? ready, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _failed.Token);
        var listeners = new List<(TcpListener Listener, PortMapping Mapping)>();
        var bound = new List<int>();
        try
        {
            foreach (var mapping in mappings)
            {
                var port = mapping.Local;
                foreach (var address in addresses)
                {
                    var listener = new TcpListener(address, port);
                    try
                    {
                        listener.Start();
                    }
                    catch (SocketException) when (address.AddressFamily == AddressFamily.InterNetworkV6 && listeners.Count > 0)
                    {
                        // kubectl also goes on when only one of localhost's two addresses can be bound.
                        continue;
                    }
                    port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    listeners.Add((listener, mapping with { Local = port }));
                    var shown = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
                    await output.WriteLineAsync($"Forwarding from {shown}:{port} -> {mapping.Remote}");
                }
                bound.Add(port);
            }
            await output.FlushAsync(cancellationToken);
            ready?.Invoke(bound);
            var accepting = listeners.Select(l => AcceptLoopAsync(l.Listener, l.Mapping, stop.Token)).ToList();
            await Task.WhenAny(session.Completion, Task.WhenAll(accepting), Task.Delay(Timeout.Infinite, stop.Token));
        }
        finally
        {
            foreach (var (listener, _) in listeners)
            {
                listener.Stop();
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new IOException("lost connection to pod");
    }

    private async Task AcceptLoopAsync(TcpListener listener, PortMapping mapping, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            await output.WriteLineAsync($"Handling connection for {mapping.Local}");
            await output.FlushAsync(cancellationToken);
            _ = HandleAsync(client, mapping, cancellationToken);
        }
    }

    private async Task HandleAsync(TcpClient client, PortMapping mapping, CancellationToken cancellationToken)
    {
        using var _ = client;
        var requestId = Interlocked.Increment(ref _nextRequest).ToString(CultureInfo.InvariantCulture);
        var port = mapping.Remote.ToString(CultureInfo.InvariantCulture);
        try
        {
            var errors = await session.OpenAsync([new("streamtype", "error"), new("port", port), new("requestid", requestId)], cancellationToken);
            var data = await session.OpenAsync([new("streamtype", "data"), new("port", port), new("requestid", requestId)], cancellationToken);
            await errors.CloseWriteAsync(cancellationToken);
            var problem = errors.ReadAllTextAsync(cancellationToken);
            var network = client.GetStream();
            var upload = UploadAsync(network, data, cancellationToken);
            var download = DownloadAsync(data, client, cancellationToken);
            await Task.WhenAll(upload, download, problem).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var message = problem.IsCompletedSuccessfully ? problem.Result : "";
            if (message.Length > 0)
            {
                await error.WriteLineAsync($"error: an error occurred forwarding {mapping.Local} -> {mapping.Remote}: {message}");
                await _failed.CancelAsync();
            }
            await data.ResetAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or TimeoutException or SocketException)
        {
            // this connection is over; the session may carry on
        }
    }

    private static async Task UploadAsync(NetworkStream network, SpdyClientStream data, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await network.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await data.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await data.CloseWriteAsync(cancellationToken);
    }

    private static async Task DownloadAsync(SpdyClientStream data, TcpClient client, CancellationToken cancellationToken)
    {
        await data.CopyToAsync(client.GetStream(), cancellationToken);
        client.Client.Shutdown(SocketShutdown.Send);
    }
}
